#pragma once

#include "profiles/profile.h"

#include <nlohmann/json.hpp>

namespace stackplan {

// Every fact of a profile, with its source, checked date and staleness as of `today`, for
// `stackplan profiles show --format json` and the profile browser.
nlohmann::ordered_json profileToJson(const Profile &profile, const QDate &today);
nlohmann::ordered_json capabilitiesToJson(const Capabilities &c, const QDate &today);
nlohmann::ordered_json factToJson(const Fact &fact, const QDate &today);

// One line per capability: key, display value; for the text output and the browser.
struct CapabilityRow {
    QString key;
    QString value;
    Fact fact;
};
std::vector<CapabilityRow> capabilityRows(const Capabilities &c);
// "0.30 USD per 1,000,000 requests, 10,000,000 included per month"
QString describeMeter(const Meter &m);
QString describeLimit(const QString &key, const Limit &l);

} // namespace stackplan
