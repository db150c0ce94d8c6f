#pragma once

#include "cost/bill.h"
#include "cost/sweep.h"

#include <QByteArray>

#include <nlohmann/json.hpp>

namespace stackplan {

// `stackplan cost --format json` (docs/cost.md).
nlohmann::ordered_json billToJson(const Bill &bill, const Project &project);
nlohmann::ordered_json sweepToJson(const Sweep &sweep);
// One row per bill line: option,multiplier,component,usage,description,quantity,included,
// billable,unit_price,per,amount,source,checked. Account lines have an empty component.
QByteArray billCsvHeader();
QByteArray billToCsv(const Bill &bill);
QByteArray sweepToCsv(const Sweep &sweep);

} // namespace stackplan
