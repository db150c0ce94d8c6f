#pragma once

#include "cost/bill.h"

#include <QStringList>

namespace stackplan {

// The bill of several options over a range of traffic multipliers (log-spaced), with the
// breakpoints where a free allowance runs out or a paid plan becomes necessary, and the
// crossovers where one option becomes cheaper than another.
struct Sweep {
    struct Series {
        QString option;
        std::vector<double> totals; // known part, USD per month, one per multiplier
        std::vector<int> unknown;   // unknown lines at each multiplier
    };
    struct Breakpoint {
        QString option;
        QString component;
        double multiplier = 0;
        QString kind; // "allowance" or "plan"
        QString description;
    };
    struct Crossover {
        QString cheaperBelow; // option id cheaper at lower traffic
        QString cheaperAbove; // option id cheaper at higher traffic
        double multiplier = 0;
        double total = 0; // both options' total there
    };
    std::vector<double> multipliers;
    std::vector<Series> series;
    std::vector<Breakpoint> breakpoints; // sorted by multiplier
    std::vector<Crossover> crossovers;   // sorted by multiplier
};

Sweep computeSweep(const Project &project, const QStringList &optionIds, const Catalogue &catalogue,
                   double low = 0.01, double high = 1000, int points = 61);

} // namespace stackplan
