#pragma once

#include "compare/comparison.h"
#include "cost/bill.h"
#include "cost/sweep.h"
#include "rules/finding.h"
#include "rules/validate.h"

#include <array>
#include <vector>

namespace stackplan {

class Catalogue;

// Everything the views of a document show about its options, computed in one pass from one
// snapshot of the project: the findings of every option, each option's bill at the low, typical
// and high traffic levels, the cost sweep of all options (0.01× to 1000×, 61 points) and the
// comparison built from them. `revision` names the document state it was computed for, so a
// view (or a quick fix) can tell when it no longer describes the document.
struct Analysis {
    quint64 revision = 0;
    std::vector<Finding> findings; // all options, in option order, each sorted
    // False when the findings were validated without fixes (an editor asks fixesFor() when a
    // fix menu opens); exports and the CLI analyse with every fix.
    bool withFixes = true;
    struct OptionBills {
        QString option;
        std::array<Bill, 3> levels; // low, typical, high
    };
    std::vector<OptionBills> bills; // option order (those asked for)
    Sweep sweep;
    Comparison comparison;

    // The bills of one option; null if the option is unknown or its bills were not kept.
    const std::array<Bill, 3> *billsOf(const QString &optionId) const;
    std::vector<Finding> findingsOf(const QString &optionId) const;
};

inline constexpr double kSweepLow = 0.01;
inline constexpr double kSweepHigh = 1000;
inline constexpr int kSweepPoints = 61;

// `billsOf`: the options whose bills are kept (empty: every option). An editor keeps the bills
// of the option on screen only (a 2,000-component option's three bills are tens of MB); the
// sweep and the comparison always cover every option.
Analysis analyse(const Project &project, const Catalogue &catalogue, quint64 revision = 0,
                 const FixScope &fixes = FixScope::all(), const QStringList &billsOf = {});

} // namespace stackplan
