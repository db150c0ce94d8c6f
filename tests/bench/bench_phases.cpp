// Scratch: time the phases of validation and billing (not committed).
#include "cost/bill.h"
#include "cost/sweep.h"
#include "io/projectfile.h"
#include "profiles/catalogue.h"
#include "rules/incremental.h"
#include "rules/rules_p.h"
#include "rules/validate.h"

#include "generate.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <functional>

using namespace stackplan;
using namespace stackplan::bench;

static double timeMs(int runs, const std::function<void()> &f)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? atoi(argv[1]) : 2000;
    const QString only = argc > 2 ? QString::fromLatin1(argv[2]) : QString();
    const int reps = argc > 3 ? atoi(argv[3]) : 21;
    const Catalogue catalogue = Catalogue::standard({}, false);
    Project p = projectOf(n, 5);
    const Option &o = p.options.front();
    auto phase = [&](const char *name, const std::function<void()> &f) {
        if (!only.isEmpty() && only != QLatin1String(name))
            return;
        std::printf("%-28s %8.3f ms\n", name, timeMs(reps, f));
    };
    {
        const Option copy = o;
        int same = 0;
        phase("compare", [&] {
            same = 0;
            for (size_t i = 0; i < o.components.size(); ++i)
                same += o.components[i] == copy.components[i];
            for (size_t i = 0; i < o.connections.size(); ++i)
                same += o.connections[i] == copy.connections[i];
        });
        phase("copy", [&] { Option c2 = o; });
    }
    phase("index", [&] {
        rules::Context ctx{p, o, catalogue, {}, {}, {}, FixScope::none()};
        ctx.index();
    });
    phase("validate-nofix", [&] { validateOption(p, o, catalogue, FixScope::none()); });
    phase("billmodel", [&] { BillModel m(p, o, catalogue); });
    BillModel::Cache cache;
    { BillModel warm(p, o, catalogue, &cache); }
    phase("billmodel-cached", [&] { BillModel m(p, o, catalogue, &cache); });
    BillModel model(p, o, catalogue);
    phase("evaluate", [&] { model.evaluate(1.0); });
    phase("total", [&] { model.total(1.0); });
    phase("sweep", [&] { computeSweep(p, optionIds(p), catalogue, 0.01, 1000, 100); });
    auto findings = validateOption(p, o, catalogue, FixScope::none());
    phase("sort", [&] {
        auto copy = findings;
        std::reverse(copy.begin(), copy.end());
        std::sort(copy.begin(), copy.end());
    });
    IncrementalValidator inc(catalogue);
    inc.validate(p, o);
    int k = 0;
    phase("incremental", [&] {
        Component &c = p.options.front().components[size_t(k++ * 37 % n)];
        c.workload.memoryMb = c.workload.memoryMb.value_or(128) + 128;
        inc.validate(p, o);
    });
    phase("incremental+bill", [&] {
        Component &c = p.options.front().components[size_t(k++ * 37 % n)];
        c.workload.memoryMb = c.workload.memoryMb.value_or(128) + 128;
        inc.validate(p, o);
        inc.billModel().evaluate(1.0);
    });
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("b.stackplan.json"));
    saveProjectFile(p, file, nullptr);
    phase("load", [&] { loadProjectFile(file); });
    phase("serialize", [&] { serializeProject(p); });
    phase("save", [&] { saveProjectFile(p, file, nullptr); });
    if (only == QLatin1String("write")) {
        Project t = projectOf(30, 2);
        Component &c = t.options[0].components[0];
        c.name = QStringLiteral("Tab\there \"quoted\" back\\slash \x01\x1f é € 😀 ") + QChar(0xD800) + QStringLiteral("x");
        c.description = QString::fromUtf8("line\nbreak\r\b\f\x7f");
        c.workload.memoryMb = 0.1;
        c.workload.cpuMsPerRequest = 1e-7;
        c.traffic.requestsPerMonth = 1.5e20;
        c.traffic.egressGb = -0.0;
        c.env.push_back({QStringLiteral("A"), false, QStringLiteral("v")});
        c.env.push_back({QStringLiteral("S"), true, {}});
        t.options[1].components.clear();
        t.options[1].connections.clear();
        t.options[1].layout.clear();
        t.assumptions.monthlyBudget = 12.345;
        t.assumptions.trafficLow = 0.3;
        saveProjectFile(t, QStringLiteral("/tmp/h15e/tricky.stackplan.json"), nullptr);
        saveProjectFile(p, QStringLiteral("/tmp/h15e/gen.stackplan.json"), nullptr);
    }
    return 0;
}
