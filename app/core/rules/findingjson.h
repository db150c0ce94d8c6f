#pragma once

#include "rules/finding.h"

#include <QByteArray>
#include <QString>

#include <nlohmann/json.hpp>

namespace stackplan {

struct Project;

// The JSON shape of `stackplan validate --format json` (docs/validation.md):
// {"format":"stackplan-findings","version":1,"file","project","options":[ids],"counts",
//  "findings":[{rule,severity,option,subjects,message,actual,limit,unit,source,checked,fixes}]}
nlohmann::ordered_json findingToJson(const Finding &f);
nlohmann::ordered_json findingsToJson(const std::vector<Finding> &findings, const Project &project,
                                      const QStringList &optionIds, const QString &file);

// SARIF 2.1.0: one run, every rule in tool.driver.rules, each finding a result located in the
// project file at the line of the component or connection it concerns.
nlohmann::ordered_json findingsToSarif(const std::vector<Finding> &findings, const Project &project,
                                       const QString &file, const QByteArray &fileText,
                                       const QString &version);

} // namespace stackplan
