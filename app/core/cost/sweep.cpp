#include "cost/sweep.h"

#include <algorithm>
#include <cmath>

namespace stackplan {

Sweep computeSweep(const Project &project, const QStringList &optionIds, const Catalogue &catalogue,
                   double low, double high, int points)
{
    Sweep sweep;
    points = std::max(points, 2);
    const double logLow = std::log10(low), logHigh = std::log10(high);
    for (int i = 0; i < points; ++i)
        sweep.multipliers.push_back(std::pow(10.0, logLow + (logHigh - logLow) * i / (points - 1)));

    std::vector<BillModel> models;
    models.reserve(size_t(optionIds.size()));
    for (const auto &id : optionIds) {
        const Option *o = project.option(id);
        if (!o)
            continue;
        models.emplace_back(project, *o, catalogue);
        Sweep::Series s;
        s.option = id;
        for (const double m : sweep.multipliers) {
            int unknown = 0;
            s.totals.push_back(models.back().total(m, &unknown));
            s.unknown.push_back(unknown);
        }
        sweep.series.push_back(std::move(s));
        for (const auto &e : models.back().allowanceEdges())
            if (e.multiplier >= low && e.multiplier <= high)
                sweep.breakpoints.push_back(
                    {id, e.component, e.multiplier, QStringLiteral("allowance"), e.description});
        for (const auto &e : models.back().planEdges())
            if (e.multiplier >= low && e.multiplier <= high)
                sweep.breakpoints.push_back(
                    {id, e.component, e.multiplier, QStringLiteral("plan"), e.description});
    }
    std::stable_sort(sweep.breakpoints.begin(), sweep.breakpoints.end(),
                     [](const auto &a, const auto &b) { return a.multiplier < b.multiplier; });

    // Crossovers: a sign change of the difference between two curves, refined by bisection on
    // the models (totals are piecewise linear in the multiplier).
    for (size_t a = 0; a < sweep.series.size(); ++a) {
        for (size_t b = a + 1; b < sweep.series.size(); ++b) {
            const auto &ta = sweep.series[a].totals;
            const auto &tb = sweep.series[b].totals;
            for (int i = 0; i + 1 < points; ++i) {
                const double d0 = ta[i] - tb[i];
                const double d1 = ta[i + 1] - tb[i + 1];
                if (d0 == 0 || d1 == 0 || (d0 < 0) == (d1 < 0))
                    continue;
                double lo = sweep.multipliers[i], hi = sweep.multipliers[i + 1];
                for (int iter = 0; iter < 60; ++iter) {
                    const double mid = std::sqrt(lo * hi);
                    const double dm = models[a].total(mid) - models[b].total(mid);
                    if ((dm < 0) == (d0 < 0))
                        lo = mid;
                    else
                        hi = mid;
                }
                const double m = std::sqrt(lo * hi);
                Sweep::Crossover c;
                c.cheaperBelow = d0 < 0 ? sweep.series[a].option : sweep.series[b].option;
                c.cheaperAbove = d0 < 0 ? sweep.series[b].option : sweep.series[a].option;
                c.multiplier = m;
                c.total = models[a].total(m);
                sweep.crossovers.push_back(c);
            }
        }
    }
    std::stable_sort(sweep.crossovers.begin(), sweep.crossovers.end(),
                     [](const auto &x, const auto &y) { return x.multiplier < y.multiplier; });
    return sweep;
}

} // namespace stackplan
