// Render benchmark, run on demand (not by ctest): build/tests/bench/bench_render [COMPONENTS]
// Routes and writes the SVG of a generated option of 2,000 components and 4,000 connections
// (laid out by tier), then draws the same boxes at the same positions with graphviz
// (`neato -n2 -Tsvg`, straight edges, and with splines=ortho for orthogonal routing), and prints
// the times side by side.
#include "../render/diagramtest.h"
#include "render/diagram.h"
#include "render/export.h"

#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

using namespace stackplan;

namespace {

double seconds(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e9;
}

// The option as a DOT graph with every box pinned where Stackplan draws it (points, y up).
QByteArray dotOf(const Option &o, const QString &splines)
{
    QByteArray dot
        = "digraph g {\n  graph [splines=" + splines.toUtf8()
          + "];\n  node [shape=box, fixedsize=true, width=" + QByteArray::number(kBoxWidth / 72.0)
          + ", height=" + QByteArray::number(kBoxHeight / 72.0) + ", fontsize=10];\n";
    for (const auto &c : o.components) {
        const LayoutEntry &e = o.layout.at(c.id);
        dot += "  \"" + c.id.toUtf8() + "\" [label=\"" + c.name.toUtf8() + "\", pos=\""
               + QByteArray::number(e.x + kBoxWidth / 2) + ','
               + QByteArray::number(-(e.y + kBoxHeight / 2)) + "!\"];\n";
    }
    for (const auto &c : o.connections)
        dot += "  \"" + c.from.toUtf8() + "\" -> \"" + c.to.toUtf8() + "\" [label=\""
               + protocolId(c.protocol).toUtf8() + "\"];\n";
    return dot + "}\n";
}

// Seconds neato took, or a negative number when it failed or ran out of time.
double neato(const QString &program, const QString &dot, const QString &svg, int timeoutMs)
{
    QProcess p;
    QElapsedTimer t;
    t.start();
    p.start(program,
            {QStringLiteral("-n2"), QStringLiteral("-Tsvg"), QStringLiteral("-o"), svg, dot});
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    return p.exitCode() == 0 ? seconds(t) : -2;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTextStream out(stdout);
    const int n = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 2000;
    Project p;
    p.name = QStringLiteral("bench");
    p.options.push_back(diagramtest::layeredOption(n, 2 * n));
    p.baseline = p.options.front().id;
    const Option &o = p.options.front();
    out << "option: " << o.components.size() << " components, " << o.connections.size()
        << " connections\n";

    QElapsedTimer t;
    t.start();
    const Diagram d = buildDiagram(p, o.id, nullptr, {});
    const double routing = seconds(t);
    const QByteArray svg = diagramSvg(d, p.name);
    const double total = seconds(t);
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("stackplan.svg")));
    file.open(QIODevice::WriteOnly);
    file.write(svg);
    file.close();
    out << QStringLiteral("stackplan: route %1 s + draw SVG %2 s = %3 s (%4 MB)\n")
               .arg(routing, 0, 'f', 3)
               .arg(total - routing, 0, 'f', 3)
               .arg(total, 0, 'f', 3)
               .arg(svg.size() / 1e6, 0, 'f', 1);

    const QString program = QStandardPaths::findExecutable(QStringLiteral("neato"));
    if (program.isEmpty()) {
        out << "graphviz: neato not installed (scripts/setup.sh installs graphviz)\n";
        return 0;
    }
    for (const QString splines : {QStringLiteral("false"), QStringLiteral("ortho")}) {
        const QString dot = dir.filePath(QStringLiteral("g-%1.dot").arg(splines));
        QFile f(dot);
        f.open(QIODevice::WriteOnly);
        f.write(dotOf(o, splines));
        f.close();
        const double s = neato(program, dot, dir.filePath(QStringLiteral("g.svg")), 300000);
        out << QStringLiteral("graphviz neato -n2 -Tsvg, splines=%1: %2\n")
                   .arg(splines, s >= 0    ? QStringLiteral("%1 s").arg(s, 0, 'f', 3)
                                 : s == -1 ? QStringLiteral("over 300 s, stopped")
                                           : QStringLiteral("failed"));
        out.flush();
    }
    return 0;
}
