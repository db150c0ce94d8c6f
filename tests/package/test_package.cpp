// The Debian package, end to end: CPack builds the .deb from this build tree; its file list,
// control fields and dependencies are checked; desktop-file-validate, appstreamcli and lintian
// pass; then the package is unpacked into a scratch root (dpkg -x) and the installed stackplan is
// run as a user would run it (`stackplan ...` on PATH, from an empty folder, with an empty home),
// so it can only find the profiles and examples that the package installed.
//
// Needs dpkg-deb, dpkg-shlibdeps, file, help2man (for the build), desktop-file-validate,
// appstreamcli, lintian, update-mime-database, man, readelf and ldd (scripts/setup.sh installs
// them). Without one it skips, except with CI=true, where a missing tool is a failure.
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runTool(const QString &program, const QStringList &args, int timeoutMs = 300000,
            const QString &workDir = {}, const QProcessEnvironment &env = {})
{
    QProcess p;
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    if (!env.isEmpty())
        p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {-3, QString(), QStringLiteral("%1 did not finish").arg(program)};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QStringList filesIn(const QString &dir, const QStringList &patterns)
{
    return QDir(dir).entryList(patterns, QDir::Files, QDir::Name);
}

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

const QString kAppId = QStringLiteral("io.stackplan.Stackplan");

} // namespace

class TestPackage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void controlFieldsNameTheProjectVersion();
    void fileListIsExactlyTheExpectedOne();
    void dependsAreThePackagesOfTheLinkedLibraries();
    void desktopEntryValidates();
    void appstreamMetainfoValidates();
    void mimeTypeClaimsProjectFiles();
    void lintianReportsNoErrorsOrWarnings();
    void everySubcommandHasAManPage();
    void installedVersionIsTheProjectVersion();
    void installedHelpNamesTheSubcommand();
    void installedProfilesComeFromThePrefix();
    void userProfileFolderStillOverrides();
    void installedValidateOnAnInstalledExample();
    void installedWindowOpensAnInstalledExample();
    void noSourceOrBuildPathIsCompiledIn();

private:
    // Runs the installed binary as `stackplan ARGS` from an empty folder, with the scratch
    // root's usr/bin first on PATH, an empty home and no display.
    Run installed(const QStringList &args, const QMap<QString, QString> &extraEnv = {});
    QStringList installedSubcommands();

    QTemporaryDir m_tmp;
    QString m_deb;
    QString m_root;
};

void TestPackage::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    const bool ci = qEnvironmentVariable("CI") == QLatin1String("true");
    for (const char *tool :
         {"dpkg-deb", "dpkg-shlibdeps", "file", "help2man", "desktop-file-validate", "appstreamcli",
          "lintian", "update-mime-database", "man", "readelf", "ldd"}) {
        if (!QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
            continue;
        const QByteArray why = QByteArray(tool) + " is not installed (scripts/setup.sh test)";
        if (ci)
            QFAIL(why.constData());
        QSKIP(why.constData());
    }

    const QString out = m_tmp.filePath(QStringLiteral("package"));
    const Run cpack = runTool(
        QStringLiteral(STACKPLAN_CPACK),
        {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("--config"),
         QStringLiteral(STACKPLAN_BUILD_DIR "/CPackConfig.cmake"), QStringLiteral("-B"), out});
    QVERIFY2(cpack.exitCode == 0, qPrintable(cpack.out + cpack.err));

    const Run arch = runTool(QStringLiteral("dpkg"), {QStringLiteral("--print-architecture")});
    QCOMPARE(arch.exitCode, 0);
    const QString name
        = QStringLiteral("stackplan_" STACKPLAN_VERSION "_%1.deb").arg(arch.out.trimmed());
    QCOMPARE(filesIn(out, {QStringLiteral("*.deb")}), QStringList{name});
    m_deb = out + QLatin1Char('/') + name;

    m_root = m_tmp.filePath(QStringLiteral("root"));
    const Run extract = runTool(QStringLiteral("dpkg"), {QStringLiteral("-x"), m_deb, m_root});
    QVERIFY2(extract.exitCode == 0, qPrintable(extract.err));
}

void TestPackage::controlFieldsNameTheProjectVersion()
{
    const Run r = runTool(QStringLiteral("dpkg-deb"),
                          {QStringLiteral("-f"), m_deb, QStringLiteral("Package"),
                           QStringLiteral("Version"), QStringLiteral("Section"),
                           QStringLiteral("Maintainer")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("Package: stackplan\nVersion: " STACKPLAN_VERSION "\n"
                                   "Section: devel\n"
                                   "Maintainer: Stackplan developers <dev@stackplan.invalid>\n"));
}

void TestPackage::fileListIsExactlyTheExpectedOne()
{
    QStringList expected;
    const QStringList lines
        = readText(QStringLiteral(STACKPLAN_SOURCE_DIR "/tests/package/expected-files.txt"))
              .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const auto &line : lines)
        if (!line.startsWith(QLatin1Char('#')))
            expected << line;
    QVERIFY(expected.contains(QStringLiteral("/usr/bin/stackplan")));
    // Folders installed one to one from the source tree.
    const QString src = QStringLiteral(STACKPLAN_SOURCE_DIR);
    for (const auto &f : filesIn(src + QStringLiteral("/profiles"), {QStringLiteral("*.toml")}))
        expected << QStringLiteral("/usr/share/stackplan/profiles/") + f;
    for (const auto &f :
         filesIn(src + QStringLiteral("/resources/examples"), {QStringLiteral("*.stackplan.json")}))
        expected << QStringLiteral("/usr/share/stackplan/examples/") + f;
    for (const auto &f : filesIn(src + QStringLiteral("/docs"), {}))
        expected << QStringLiteral("/usr/share/doc/stackplan/docs/") + f;
    expected.sort();

    const Run r = runTool(QStringLiteral("dpkg-deb"), {QStringLiteral("--contents"), m_deb});
    QCOMPARE(r.exitCode, 0);
    // "-rw-r--r-- root/root  373 2026-11-23 12:00 ./usr/share/..."; folders start with "d".
    static const QRegularExpression entry(QStringLiteral("^([-dl])\\S+ (\\S+)\\s.*? \\.(/\\S+)$"));
    QStringList actual;
    for (const auto &line : r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const auto m = entry.match(line);
        QVERIFY2(m.hasMatch(), qPrintable(line));
        QCOMPARE(m.captured(2), QStringLiteral("root/root"));
        if (m.captured(1) != QLatin1String("d"))
            actual << m.captured(3);
    }
    actual.sort();
    QStringList missing, unexpected;
    for (const auto &f : expected)
        if (!actual.contains(f))
            missing << f;
    for (const auto &f : actual)
        if (!expected.contains(f))
            unexpected << f;
    QVERIFY2(missing.isEmpty() && unexpected.isEmpty(),
             qPrintable(QStringLiteral("missing:\n  %1\nunexpected:\n  %2")
                            .arg(missing.join(QStringLiteral("\n  ")),
                                 unexpected.join(QStringLiteral("\n  ")))));
    QCOMPARE(actual, expected);
}

void TestPackage::dependsAreThePackagesOfTheLinkedLibraries()
{
    // dpkg-shlibdeps worked (an empty Depends is what CPack silently writes without it), and the
    // package depends on exactly the packages of the libraries the binary links, nothing else.
    const Run control = runTool(QStringLiteral("dpkg-deb"),
                                {QStringLiteral("-f"), m_deb, QStringLiteral("Depends")});
    QCOMPARE(control.exitCode, 0);
    QSet<QString> depends;
    for (const auto &d : control.out.trimmed().split(QStringLiteral(", "), Qt::SkipEmptyParts))
        depends << d.section(QLatin1Char(' '), 0, 0);
    QVERIFY2(depends.contains(QStringLiteral("libqt6widgets6")), qPrintable(control.out));

    const QString binary = m_root + QStringLiteral("/usr/bin/stackplan");
    const Run elf = runTool(QStringLiteral("readelf"), {QStringLiteral("-d"), binary});
    const Run ldd = runTool(QStringLiteral("ldd"), {binary});
    QCOMPARE(elf.exitCode, 0);
    QCOMPARE(ldd.exitCode, 0);
    static const QRegularExpression needed(QStringLiteral("\\(NEEDED\\).*\\[(.+)\\]"));
    QSet<QString> linked;
    for (auto it = needed.globalMatch(elf.out); it.hasNext();) {
        const QString soname = it.next().captured(1);
        // "libm.so.6 => /lib/x86_64-linux-gnu/libm.so.6": search that multiarch folder only.
        const auto resolved
            = QRegularExpression(QRegularExpression::escape(soname) + QStringLiteral(" => (\\S+)"))
                  .match(ldd.out);
        QVERIFY2(resolved.hasMatch(), qPrintable(soname + QStringLiteral(" not found by ldd")));
        const QString folder = QFileInfo(resolved.captured(1)).dir().dirName();
        const Run owner
            = runTool(QStringLiteral("dpkg"),
                      {QStringLiteral("-S"), QStringLiteral("*/%1/%2").arg(folder, soname)});
        QVERIFY2(owner.exitCode == 0, qPrintable(owner.err));
        linked << owner.out.section(QLatin1Char(':'), 0, 0);
    }
    QCOMPARE(depends, linked);
}

void TestPackage::desktopEntryValidates()
{
    const QString desktop
        = m_root + QStringLiteral("/usr/share/applications/%1.desktop").arg(kAppId);
    const Run r = runTool(QStringLiteral("desktop-file-validate"), {desktop});
    QCOMPARE(r.out + r.err, QString());
    QCOMPARE(r.exitCode, 0);
    // It starts the installed binary on the file, with the installed icon, for project files.
    const QString text = readText(desktop);
    QVERIFY(text.contains(QStringLiteral("\nExec=stackplan %f\n")));
    QVERIFY(text.contains(QStringLiteral("\nIcon=%1\n").arg(kAppId)));
    QVERIFY(text.contains(QStringLiteral("\nMimeType=application/x-stackplan+json;\n")));
    QVERIFY(QFileInfo(m_root
                      + QStringLiteral("/usr/share/icons/hicolor/scalable/apps/%1.svg").arg(kAppId))
                .isFile());
}

void TestPackage::appstreamMetainfoValidates()
{
    const QString metainfo
        = m_root + QStringLiteral("/usr/share/metainfo/%1.metainfo.xml").arg(kAppId);
    const Run r = runTool(QStringLiteral("appstreamcli"),
                          {QStringLiteral("validate"), QStringLiteral("--no-net"), metainfo});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err)); // 0: no errors and no warnings
    const QString text = readText(metainfo);
    QVERIFY(text.contains(
        QStringLiteral("<launchable type=\"desktop-id\">%1.desktop</launchable>").arg(kAppId)));
    QVERIFY(text.contains(QStringLiteral("<release version=\"" STACKPLAN_VERSION "\" date=\"")));
}

void TestPackage::mimeTypeClaimsProjectFiles()
{
    // Build the MIME database of the unpacked root alone, as the shared-mime-info trigger does
    // for /usr/share/mime on installation.
    const QString mime = m_root + QStringLiteral("/usr/share/mime");
    const Run r = runTool(QStringLiteral("update-mime-database"), {mime});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(readText(mime + QStringLiteral("/globs2"))
                .contains(QStringLiteral("\n60:application/x-stackplan+json:*.stackplan.json\n")));
    QVERIFY(readText(mime + QStringLiteral("/subclasses"))
                .contains(QStringLiteral("application/x-stackplan+json application/json\n")));
    // Leave the root as the package has it.
    QDir dir(mime);
    for (const auto &e : dir.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot))
        if (e.fileName() != QLatin1String("packages"))
            QVERIFY(e.isDir() ? QDir(e.filePath()).removeRecursively()
                              : QFile::remove(e.filePath()));
}

void TestPackage::lintianReportsNoErrorsOrWarnings()
{
    const Run r = runTool(QStringLiteral("lintian"),
                          {QStringLiteral("--fail-on"), QStringLiteral("error,warning"),
                           QStringLiteral("--display-info"), QStringLiteral("--tag-display-limit"),
                           QStringLiteral("0"), m_deb});
    qInfo().noquote() << "lintian:\n" << r.out;
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    static const QRegularExpression errorOrWarning(QStringLiteral("^[EW]: "),
                                                   QRegularExpression::MultilineOption);
    QVERIFY2(!r.out.contains(errorOrWarning), qPrintable(r.out));
}

void TestPackage::everySubcommandHasAManPage()
{
    const QStringList commands = installedSubcommands();
    QVERIFY(commands.contains(QStringLiteral("validate")));
    QStringList expected{QStringLiteral("stackplan.1.gz")};
    for (const auto &c : commands)
        expected << QStringLiteral("stackplan-%1.1.gz").arg(c);
    expected.sort();
    const QString man1 = m_root + QStringLiteral("/usr/share/man/man1");
    QCOMPARE(filesIn(man1, {QStringLiteral("*")}), expected);

    // Each page renders without warnings and says what it documents, from the program's help.
    const QStringList pages{QStringLiteral("stackplan-validate.1.gz"),
                            QStringLiteral("stackplan.1.gz")};
    const QStringList names{
        QStringLiteral("stackplan-validate - check a project against the platform profiles"),
        QStringLiteral("stackplan - plan, validate and price web-application architectures")};
    const QStringList synopses{QStringLiteral("stackplan validate [options] file"),
                               QStringLiteral("stackplan [options] [FILE]")};
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MANWIDTH"), QStringLiteral("200"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    for (int i = 0; i < pages.size(); ++i) {
        const Run r
            = runTool(QStringLiteral("man"),
                      {QStringLiteral("--warnings"), QStringLiteral("-E"), QStringLiteral("ascii"),
                       QStringLiteral("-l"), man1 + QLatin1Char('/') + pages[i]},
                      60000, {}, env);
        QCOMPARE(r.err, QString());
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("NAME\n       ") + names[i] + QLatin1Char('\n')),
                 qPrintable(r.out));
        QVERIFY2(
            r.out.contains(QStringLiteral("SYNOPSIS\n       ") + synopses[i] + QLatin1Char('\n')),
            qPrintable(r.out));
    }
}

void TestPackage::installedVersionIsTheProjectVersion()
{
    const Run r = installed({QStringLiteral("--version")});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("stackplan " STACKPLAN_VERSION "\n"));
}

void TestPackage::installedHelpNamesTheSubcommand()
{
    const Run r = installed({QStringLiteral("validate"), QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("Usage: stackplan validate [options] file\n")),
             qPrintable(r.out));
    for (const auto &c : installedSubcommands()) {
        const Run help = installed({c, QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.startsWith(QStringLiteral("Usage: stackplan %1 ").arg(c)),
                 qPrintable(help.out));
    }
}

void TestPackage::installedProfilesComeFromThePrefix()
{
    const QStringList sources
        = filesIn(QStringLiteral(STACKPLAN_SOURCE_DIR "/profiles"), {QStringLiteral("*.toml")});
    const Run text = installed({QStringLiteral("profiles")});
    QCOMPARE(text.err, QString());
    QCOMPARE(text.exitCode, 0);
    const QStringList lines = text.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.last(), QStringLiteral("%1 profiles").arg(sources.size()));
    QCOMPARE(lines.size(), sources.size() + 2);

    const Run json = installed(
        {QStringLiteral("profiles"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(json.exitCode, 0);
    const QJsonArray profiles = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QStringList origins, expected;
    for (const auto &p : profiles) {
        const QJsonObject o = p.toObject();
        origins << o[QStringLiteral("origin")].toString();
        QCOMPARE(QFileInfo(origins.last()).fileName(),
                 o[QStringLiteral("id")].toString() + QStringLiteral(".toml"));
    }
    for (const auto &f : sources)
        expected << m_root + QStringLiteral("/usr/share/stackplan/profiles/") + f;
    origins.sort();
    QCOMPARE(origins, expected);
}

void TestPackage::userProfileFolderStillOverrides()
{
    QTemporaryDir data;
    const QString folder = data.path() + QStringLiteral("/stackplan/profiles");
    QVERIFY(QDir().mkpath(folder));
    QByteArray text
        = readText(m_root + QStringLiteral("/usr/share/stackplan/profiles/neon.toml")).toUtf8();
    QVERIFY(text.contains("name = \"Neon\""));
    text.replace("name = \"Neon\"", "name = \"Neon (our negotiated prices)\"");
    QFile mine(folder + QStringLiteral("/neon.toml"));
    QVERIFY(mine.open(QIODevice::WriteOnly));
    mine.write(text);
    mine.close();

    const Run r
        = installed({QStringLiteral("profiles"), QStringLiteral("show"), QStringLiteral("neon"),
                     QStringLiteral("--format"), QStringLiteral("json")},
                    {{QStringLiteral("XDG_DATA_HOME"), data.path()}});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    const QJsonObject p = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(p[QStringLiteral("name")].toString(), QStringLiteral("Neon (our negotiated prices)"));
    QCOMPARE(p[QStringLiteral("origin")].toString(), folder + QStringLiteral("/neon.toml"));
    // The others still come from the package.
    const Run other
        = installed({QStringLiteral("profiles"), QStringLiteral("show"), QStringLiteral("supabase"),
                     QStringLiteral("--format"), QStringLiteral("json")},
                    {{QStringLiteral("XDG_DATA_HOME"), data.path()}});
    QCOMPARE(
        QJsonDocument::fromJson(other.out.toUtf8()).object()[QStringLiteral("origin")].toString(),
        m_root + QStringLiteral("/usr/share/stackplan/profiles/supabase.toml"));
}

void TestPackage::installedValidateOnAnInstalledExample()
{
    // The same findings as from the build tree (tests/cli/test_cli, validateTextGolden).
    const Run r = installed(
        {QStringLiteral("validate"),
         m_root + QStringLiteral("/usr/share/stackplan/examples/allogator.stackplan.json"),
         QStringLiteral("--all")});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 1); // the all-workers option has errors
    QCOMPARE(r.out, readText(QStringLiteral(STACKPLAN_TEST_DATA "/golden/validate-allogator.txt")));
}

void TestPackage::installedWindowOpensAnInstalledExample()
{
    const QString png = m_tmp.filePath(QStringLiteral("installed-window.png"));
    const Run r = installed(
        {m_root + QStringLiteral("/usr/share/stackplan/examples/allogator.stackplan.json"),
         QStringLiteral("--screenshot"), png},
        {{QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen")}});
    QCOMPARE(r.exitCode, 0);
    QImageReader reader(png);
    QVERIFY2(reader.canRead(), qPrintable(reader.errorString()));
    QVERIFY(reader.size().width() >= 800);
    const QString dir = qEnvironmentVariable("STACKPLAN_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        QFile::remove(dir + QStringLiteral("/installed-window.png"));
        QVERIFY(QFile::copy(png, dir + QStringLiteral("/installed-window.png")));
    }
}

void TestPackage::noSourceOrBuildPathIsCompiledIn()
{
    // The installed binary finds its data relative to itself; an absolute path of this checkout
    // (which holds the build folder) compiled in could make it read the source tree instead.
    QFile f(m_root + QStringLiteral("/usr/bin/stackplan"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray binary = f.readAll();
    for (const QString &path :
         {QStringLiteral(STACKPLAN_SOURCE_DIR), QStringLiteral(STACKPLAN_BUILD_DIR)}) {
        QVERIFY2(!binary.contains(path.toUtf8()), qPrintable(path));
        const QByteArray utf16(reinterpret_cast<const char *>(path.utf16()), path.size() * 2);
        QVERIFY2(!binary.contains(utf16), qPrintable(path)); // QStringLiteral data
    }
}

Run TestPackage::installed(const QStringList &args, const QMap<QString, QString> &extraEnv)
{
    const QString home = m_tmp.filePath(QStringLiteral("home"));
    const QString cwd = m_tmp.filePath(QStringLiteral("cwd"));
    QDir().mkpath(home);
    QDir().mkpath(cwd);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "LD_LIBRARY_PATH",
                             "QT_PLUGIN_PATH", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_DATA_DIRS"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("PATH"), m_root + QStringLiteral("/usr/bin:/usr/bin:/bin"));
    for (auto it = extraEnv.cbegin(); it != extraEnv.cend(); ++it)
        env.insert(it.key(), it.value());
    // Through the shell, so argv[0] is plain "stackplan", found on PATH.
    return runTool(QStringLiteral("/bin/sh"),
                   QStringList{QStringLiteral("-c"), QStringLiteral("exec stackplan \"$@\""),
                               QStringLiteral("stackplan")}
                       + args,
                   60000, cwd, env);
}

QStringList TestPackage::installedSubcommands()
{
    // "Commands (run `stackplan COMMAND --help`): cost, fmt, ...", the list the pages come from.
    const Run r = installed({QStringLiteral("--help")});
    static const QRegularExpression list(
        QStringLiteral("Commands \\(run `stackplan COMMAND --help`\\): ([a-z0-9, -]+)\n"));
    const auto m = list.match(r.out);
    return m.hasMatch() ? m.captured(1).split(QStringLiteral(", ")) : QStringList();
}

QTEST_GUILESS_MAIN(TestPackage)
#include "test_package.moc"
