// stackplan: the GUI when started plainly (`stackplan [FILE]`), the headless CLI when the first
// argument is a subcommand (`stackplan info FILE`). CLI paths never create a QApplication, so
// they run with no display and no QT_QPA_PLATFORM; `render` alone gets an offscreen
// QGuiApplication to draw with.
#include "cli/cli.h"
#include "mainwindow.h"
#include "profiles/catalogue.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QTextStream>
#include <QTimer>

#include <cstring>

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("stackplan"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("stackplan.io"));
    QCoreApplication::setApplicationName(QStringLiteral("stackplan"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STACKPLAN_VERSION));
}

void setupParser(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QStringLiteral("Stackplan: plan, validate and price web-application architectures.\n\n"
                       "Without a command, opens the main window (optionally on FILE).\n"
                       "Commands (run `stackplan COMMAND --help`): ")
        + stackplan::cli::subcommands().join(QStringLiteral(", ")));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("Project to open (.stackplan.json)."),
                                 QStringLiteral("[FILE]"));
    parser.addOption(
        {QStringLiteral("profiles"),
         QStringLiteral("Also load platform profiles from <dir> (overrides by id; repeatable)."),
         QStringLiteral("dir")});
    parser.addOption(
        {QStringLiteral("screenshot"),
         QStringLiteral("Save a screenshot of the window to <png> once shown, then exit."),
         QStringLiteral("png")});
}

bool wantsInfoOnly(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i)
        for (const char *flag : {"--help", "-h", "-?", "--help-all", "--version", "-v"})
            if (std::strcmp(argv[i], flag) == 0)
                return true;
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc > 1 && stackplan::cli::needsGui(QString::fromLocal8Bit(argv[1]))) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(argc, argv);
        setIdentity();
        QTextStream out(stdout);
        QTextStream err(stderr);
        return stackplan::cli::run(app.arguments().mid(1), out, err);
    }
    if (argc > 1 && stackplan::cli::isSubcommand(QString::fromLocal8Bit(argv[1]))) {
        QCoreApplication app(argc, argv);
        setIdentity();
        QTextStream out(stdout);
        QTextStream err(stderr);
        return stackplan::cli::run(app.arguments().mid(1), out, err);
    }
    if (wantsInfoOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        setIdentity();
        QCommandLineParser parser;
        setupParser(parser);
        parser.process(app); // prints help or version and exits
        return 0;
    }

    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Stackplan"));
    // Names the installed desktop entry, so docks and task bars (Wayland app id) show its icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.stackplan.Stackplan"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/io.stackplan.Stackplan.svg")));
    QCommandLineParser parser;
    setupParser(parser);
    parser.process(app);

    const stackplan::Catalogue catalogue
        = stackplan::Catalogue::standard(parser.values(QStringLiteral("profiles")));
    for (const auto &problem : catalogue.problems())
        QTextStream(stderr) << (problem.warning ? "warning: " : "error: ")
                            << problem.error.toString() << Qt::endl;

    stackplan::MainWindow window(&catalogue);
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty() || !window.openFile(files.first()))
        window.showWelcome(); // examples, recent files, New, Open
    window.show();

    if (parser.isSet(QStringLiteral("screenshot"))) {
        const QString path = parser.value(QStringLiteral("screenshot"));
        QTimer::singleShot(800, &window, [&window, path] {
            window.grab().save(path);
            QApplication::quit();
        });
    } else {
        // After a crash or a kill, offer the autosave of the session that was lost.
        QTimer::singleShot(0, &window, &stackplan::MainWindow::offerRecovery);
    }
    return app.exec();
}
