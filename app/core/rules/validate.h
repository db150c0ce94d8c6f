#pragma once

#include "model/project.h"
#include "rules/finding.h"

#include <QSet>

#include <vector>

namespace stackplan {

class Catalogue;

// Which findings validation attaches fixes to. Fixes cost little except rebinding suggestions
// ("Bind X to …"), which run the component's rules and price it under every binding of the
// catalogue: an editor validates without fixes on every edit and asks fixesFor() when a fix
// menu opens; the CLI, exports and tests validate with all fixes (the default).
struct FixScope {
    enum class Kind { All, None, Subjects };
    Kind kind = Kind::All;
    QSet<QString> subjects; // Kind::Subjects: findings concerning any of these ids

    static FixScope all() { return {}; }
    static FixScope none() { return {Kind::None, {}}; }
    static FixScope only(const QStringList &ids) { return {Kind::Subjects, {ids.begin(), ids.end()}}; }
    bool covers(const QStringList &findingSubjects) const
    {
        if (kind != Kind::Subjects)
            return kind == Kind::All;
        for (const auto &id : findingSubjects)
            if (subjects.contains(id))
                return true;
        return false;
    }
};

// Validation is a pure function of (project assumptions, option, catalogue): the same inputs
// always give the same sorted findings. Rules are generic checks over profile data; none of them
// names a platform. Each finding carries the profile fact's source and zero or more fixes.
std::vector<Finding> validateOption(const Project &project, const Option &option,
                                    const Catalogue &catalogue);
// The same findings, with fixes only where `fixes` covers them (none: no fixes at all).
std::vector<Finding> validateOption(const Project &project, const Option &option,
                                    const Catalogue &catalogue, const FixScope &fixes);
// The fixes validateOption(project, option, catalogue) attaches to `finding` (identified by
// rule, option, subjects and message), for a finding from a validation without fixes; empty if
// the option no longer has that finding.
std::vector<Fix> fixesFor(const Project &project, const Option &option, const Catalogue &catalogue,
                          const Finding &finding);
// All options, in option order, each sorted.
std::vector<Finding> validateProject(const Project &project, const Catalogue &catalogue);
std::vector<Finding> validateProject(const Project &project, const Catalogue &catalogue,
                                     const FixScope &fixes);

struct FindingCounts {
    int errors = 0;
    int warnings = 0;
    int infos = 0;
};
FindingCounts countFindings(const std::vector<Finding> &findings);
// Counts only the findings of one option.
FindingCounts countFindings(const std::vector<Finding> &findings, const QString &optionId);

} // namespace stackplan
