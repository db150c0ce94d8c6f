#include "compare/analysis.h"

#include "rules/validate.h"

namespace stackplan {

const std::array<Bill, 3> *Analysis::billsOf(const QString &optionId) const
{
    for (const auto &b : bills)
        if (b.option == optionId)
            return &b.levels;
    return nullptr;
}

std::vector<Finding> Analysis::findingsOf(const QString &optionId) const
{
    std::vector<Finding> out;
    for (const auto &f : findings)
        if (f.option == optionId)
            out.push_back(f);
    return out;
}

Analysis analyse(const Project &project, const Catalogue &catalogue, quint64 revision,
                 const FixScope &fixes, const QStringList &billsOf)
{
    Analysis a;
    a.revision = revision;
    a.withFixes = fixes.kind == FixScope::Kind::All;
    a.findings = validateProject(project, catalogue, fixes);
    const Assumptions &as = project.assumptions;
    for (const Option &option : project.options) {
        if (!billsOf.isEmpty() && !billsOf.contains(option.id))
            continue;
        const BillModel model(project, option, catalogue);
        a.bills.push_back({option.id,
                           {model.evaluate(as.trafficLow), model.evaluate(as.trafficTypical),
                            model.evaluate(as.trafficHigh)}});
    }
    a.sweep
        = computeSweep(project, optionIds(project), catalogue, kSweepLow, kSweepHigh, kSweepPoints);
    a.comparison = compareOptions(project, catalogue, a.findings, a.sweep);
    return a;
}

} // namespace stackplan
