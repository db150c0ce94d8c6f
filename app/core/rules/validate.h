#pragma once

#include "model/project.h"
#include "rules/finding.h"

#include <vector>

namespace stackplan {

class Catalogue;

// Validation is a pure function of (project assumptions, option, catalogue): the same inputs
// always give the same sorted findings. Rules are generic checks over profile data; none of them
// names a platform. Each finding carries the profile fact's source and zero or more fixes.
std::vector<Finding> validateOption(const Project &project, const Option &option,
                                    const Catalogue &catalogue);
// All options, in option order, each sorted.
std::vector<Finding> validateProject(const Project &project, const Catalogue &catalogue);

struct FindingCounts {
    int errors = 0;
    int warnings = 0;
    int infos = 0;
};
FindingCounts countFindings(const std::vector<Finding> &findings);
// Counts only the findings of one option.
FindingCounts countFindings(const std::vector<Finding> &findings, const QString &optionId);

} // namespace stackplan
