// Scale benchmark, run on demand (never by ctest): every metric of issue 15's table for
// generated projects of 200, 2,000 and 10,000 components (2× connections, 5 options):
//   build/tests/bench/bench_scale               all sizes, a table
//   build/tests/bench/bench_scale 2000          one size
// Each size runs in two child processes (engines, then the GUI, offscreen), so the peak memory
// (getrusage ru_maxrss) of one does not include another's. Timings are medians of repeated runs.
#include "canvas/componentitem.h"
#include "canvas/diagramscene.h"
#include "canvas/diagramview.h"
#include "cost/sweep.h"
#include "document.h"
#include "editor/edit.h"
#include "io/projectfile.h"
#include "mainwindow.h"
#include "profiles/catalogue.h"
#include "rules/incremental.h"
#include "rules/validate.h"

#include "generate.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>

using namespace stackplan;
using namespace stackplan::bench;

namespace {

double peakMb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_maxrss) / 1024.0; // kilobytes on Linux
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// Median milliseconds of `runs` calls.
double timeMs(int runs, const std::function<void()> &f)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    return median(ms);
}

void put(const char *metric, double value)
{
    std::printf("%s\t%.3f\n", metric, value);
    std::fflush(stdout);
}

// The component whose memory an "inspector edit" raises past its platform's limit, and the
// edit that does it (or puts the old value back).
Edit memoryEdit(const Option &o, int index, int memoryMb)
{
    Component c = o.components[size_t(index)];
    c.workload.memoryMb = memoryMb;
    Edit e;
    e.text = QStringLiteral("Edit memory");
    e.ops.push_back(op::UpdateComponent{o.id, c});
    return e;
}

int engines(int n)
{
    const Catalogue catalogue = Catalogue::standard({}, false);
    Project p = projectOf(n, 5);
    const Option &o = p.options.front();
    const double typical = p.assumptions.trafficTypical;
    const int runs = n > 2000 ? 5 : 21;

    size_t findings = 0;
    put("full validation + bill (ms)", timeMs(runs, [&] {
            findings = validateOption(p, o, catalogue, FixScope::none()).size();
            computeBill(p, o, catalogue, typical);
        }));
    put("findings", double(findings));
    put("validation with every fix, as the CLI (ms)",
        timeMs(1, [&] { validateOption(p, o, catalogue); }));

    // Incremental: one component's memory changes between runs, as an inspector edit does.
    IncrementalValidator incremental(catalogue);
    incremental.validate(p, o);
    int k = 0;
    put("incremental validation + bill after an edit (ms)", timeMs(runs, [&] {
            Component &c = p.options.front().components[size_t(k++ * 37 % n)];
            c.workload.memoryMb = c.workload.memoryMb.value_or(128) + 128;
            incremental.validate(p, o);
            incremental.billModel().evaluate(typical);
        }));

    const QStringList ids = optionIds(p);
    put("sweep 100 points x 5 options (ms)",
        timeMs(n > 2000 ? 3 : 11, [&] { computeSweep(p, ids, catalogue, 0.01, 1000, 100); }));

    // Load + save of the file, against Python's json.load + json.dump of the same file.
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("bench.stackplan.json"));
    const QString copy = dir.filePath(QStringLiteral("copy.stackplan.json"));
    saveProjectFile(p, file, nullptr);
    const double mb = double(QFileInfo(file).size()) / 1e6;
    put("file size (MB)", mb);
    const double ours = timeMs(5, [&] {
        const ProjectLoad load = loadProjectFile(file);
        if (!load.ok())
            qFatal("cannot load the generated file: %s", qPrintable(load.error.message));
        saveProjectFile(*load.project, copy, nullptr);
    });
    put("load + save (ms)", ours);
    QProcess py;
    py.start(QStringLiteral("python3"),
             {QStringLiteral("-c"),
              QStringLiteral("import json,sys,time\n"
                             "ts=[]\n"
                             "for _ in range(5):\n"
                             "  t=time.perf_counter()\n"
                             "  d=json.load(open(sys.argv[1]))\n"
                             "  json.dump(d,open(sys.argv[2],'w'),indent=2,ensure_ascii=False)\n"
                             "  ts.append(time.perf_counter()-t)\n"
                             "print(sorted(ts)[2]*1000)\n"),
              file, copy});
    if (py.waitForFinished(600000) && py.exitCode() == 0)
        put("python json.load + json.dump (ms)", py.readAllStandardOutput().trimmed().toDouble());
    put("engines peak memory (MB)", peakMb());
    return 0;
}

// Processes events until `done` or `timeoutMs`; false on timeout.
bool waitFor(const std::function<bool()> &done, int timeoutMs = 600000)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

// Frames per second of a drag of the box `id`: each frame is a mouse move and the event loop's
// turn that follows (rerouting the box's connections and repainting what changed).
double dragFps(DiagramView *view, DiagramScene *scene, const QString &id)
{
    QWidget *vp = view->viewport();
    ComponentItem *item = scene->componentItem(id);
    const QPointF start = item->mapToScene(item->boxRect().center() + QPointF(-60, 0));
    view->centerOn(start);
    QTest::mouseMove(vp, view->mapFromScene(start));
    QTest::mousePress(vp, Qt::LeftButton, {}, view->mapFromScene(start));
    const int frames = 60;
    QElapsedTimer t;
    t.start();
    for (int i = 1; i <= frames; ++i) {
        QTest::mouseMove(vp, view->mapFromScene(start) + QPoint(2 * i, i));
        QCoreApplication::processEvents(); // the reroute timer and the scene's dirty items
        QCoreApplication::processEvents(); // the view's update request: the paint
    }
    const double fps = frames / (double(t.nsecsElapsed()) / 1e9);
    QTest::mouseRelease(vp, Qt::LeftButton, {}, view->mapFromScene(start) + QPoint(2 * frames, frames));
    return fps;
}

// Writes the generated project to `file` and prints the ids the GUI run needs: a component with
// findings (its badge shows once validation has run), the index of one whose memory edit changes
// its finding count, and that count before the edit. Run in its own process, so the GUI's peak
// memory is the GUI's alone.
int prepare(int n, const QString &file)
{
    const Catalogue catalogue = Catalogue::standard({}, false);
    const Project p = projectOf(n, 5);
    const Option &o = p.options.front();
    saveProjectFile(p, file, nullptr);
    const auto found = validateOption(p, o, catalogue, FixScope::none());
    const QString flagged = found.front().subjects.front();
    int edited = -1, before = 0;
    for (int i = 0; i < n && edited < 0; ++i) {
        Option changed = o;
        changed.components[size_t(i)].workload.memoryMb = 100000;
        const auto after = validateOption(p, changed, catalogue, FixScope::none());
        auto count = [&](const std::vector<Finding> &fs) {
            return std::count_if(fs.begin(), fs.end(), [&](const Finding &f) {
                return f.subjects.contains(o.components[size_t(i)].id);
            });
        };
        if (count(after) != count(found)) {
            edited = i;
            before = int(count(found));
        }
    }
    std::printf("%s\t%d\t%d\t%s\n", qPrintable(flagged), edited, before, qPrintable(o.id));
    return 0;
}

int gui(int n)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("bench.stackplan.json"));
    QProcess prep;
    prep.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    prep.start(QCoreApplication::applicationFilePath(),
               {QStringLiteral("--prepare"), QString::number(n), file});
    prep.waitForFinished(-1);
    const QStringList ids = QString::fromUtf8(prep.readAllStandardOutput()).trimmed().split(u'\t');
    if (prep.exitCode() != 0 || ids.size() != 4)
        qFatal("cannot prepare the generated project");
    const QString flagged = ids[0];
    const int edited = ids[1].toInt(), before = ids[2].toInt();
    const QString optionId = ids[3];

    const Catalogue catalogue = Catalogue::standard({}, false);
    MainWindow w(&catalogue);
    w.resize(1400, 900);
    QElapsedTimer t;
    t.start();
    if (!w.openFile(file))
        qFatal("cannot open the generated file");
    w.document()->setCurrentOption(optionId);
    w.show();
    if (!QTest::qWaitForWindowExposed(&w))
        qFatal("window not exposed");
    DiagramScene *scene = w.scene();
    if (!waitFor([&] {
            const ComponentItem *item = scene->componentItem(flagged);
            return item && item->visual().badgeCount > 0;
        }))
        qFatal("no badge after opening");
    put("open: file to window with badges (ms)", double(t.nsecsElapsed()) / 1e6);
    const Option o = *w.document()->project().option(optionId); // ids and original values

    if (edited >= 0) {
        const QString id = o.components[size_t(edited)].id;
        const int original = o.components[size_t(edited)].workload.memoryMb.value_or(128);
        std::vector<double> ms;
        for (int i = 0; i < 10; ++i) {
            const bool raise = i % 2 == 0;
            const Option &current = *w.document()->project().option(o.id);
            QElapsedTimer e;
            e.start();
            w.document()->push(memoryEdit(current, edited, raise ? 100000 : original));
            if (!waitFor([&] {
                    const ComponentItem *item = scene->componentItem(id);
                    return item && (item->visual().badgeCount != before) == raise;
                }))
                qFatal("the badge did not change after an edit");
            ms.push_back(double(e.nsecsElapsed()) / 1e6);
        }
        put("edit to badge (ms)", median(ms));
    }

    DiagramView *view = w.view();
    view->fitContents();
    QCoreApplication::processEvents();
    // STACKPLAN_BENCH_SHOTS=dir: the canvas at fit zoom and at 100 %, to look at.
    const QString shots = qEnvironmentVariable("STACKPLAN_BENCH_SHOTS");
    if (!shots.isEmpty())
        view->grab().save(QStringLiteral("%1/fit-%2.png").arg(shots).arg(n));
    put("drag at fit zoom (fps)", dragFps(view, scene, o.components[size_t(n / 2)].id));
    view->setZoom(1.0);
    QCoreApplication::processEvents();
    put("drag at 100 % (fps)", dragFps(view, scene, o.components[size_t(n / 3)].id));
    if (!shots.isEmpty())
        view->grab().save(QStringLiteral("%1/zoom100-%2.png").arg(shots).arg(n));

    // 100 edits (and the validation each schedules), then the peak.
    for (int i = 0; i < 100; ++i) {
        const Option &current = *w.document()->project().option(o.id);
        w.document()->push(memoryEdit(current, (i * 13) % n, 256 + 128 * (i % 4)));
        QCoreApplication::processEvents();
    }
    QTest::qWait(1000); // the last validation and repaint
    put("GUI peak memory after 100 edits (MB)", peakMb());
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    const QStringList args = [&] {
        QStringList a;
        for (int i = 1; i < argc; ++i)
            a << QString::fromLocal8Bit(argv[i]);
        return a;
    }();
    if (args.size() == 3 && args[0] == QLatin1String("--prepare")) {
        QCoreApplication app(argc, argv);
        return prepare(args[1].toInt(), args[2]);
    }
    if (args.size() == 2 && (args[0] == QLatin1String("--engines")
                             || args[0] == QLatin1String("--gui"))) {
        if (args[0] == QLatin1String("--gui")) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
            QApplication app(argc, argv);
            return gui(args[1].toInt());
        }
        QCoreApplication app(argc, argv);
        return engines(args[1].toInt());
    }

    QCoreApplication app(argc, argv);
    std::vector<int> sizes = {200, 2000, 10000};
    if (!args.isEmpty())
        sizes = {args[0].toInt()};
    std::map<QString, std::map<int, QString>> table;
    QStringList order;
    for (const int n : sizes) {
        for (const char *mode : {"--engines", "--gui"}) {
            QProcess child;
            child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            child.start(QCoreApplication::applicationFilePath(),
                        {QString::fromLatin1(mode), QString::number(n)});
            child.waitForFinished(-1);
            const auto lines = QString::fromUtf8(child.readAllStandardOutput()).split(QLatin1Char('\n'));
            for (const auto &line : lines) {
                const auto parts = line.split(QLatin1Char('\t'));
                if (parts.size() != 2)
                    continue;
                if (!order.contains(parts[0]))
                    order << parts[0];
                table[parts[0]][n] = parts[1];
            }
            if (child.exitCode() != 0)
                std::fprintf(stderr, "%s %d failed (exit %d)\n", mode, n, child.exitCode());
        }
    }
    std::printf("%-48s", "metric (2 × connections, 5 options)");
    for (const int n : sizes)
        std::printf("%14d", n);
    std::printf("\n");
    for (const auto &metric : order) {
        std::printf("%-48s", qPrintable(metric));
        for (const int n : sizes) {
            const auto &row = table[metric];
            const auto it = row.find(n);
            std::printf("%14s", it == row.end() ? "-" : qPrintable(it->second));
        }
        std::printf("\n");
    }
    return 0;
}
