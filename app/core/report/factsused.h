#pragma once

#include "model/project.h"
#include "profiles/profile.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <vector>

namespace stackplan {

class Catalogue;

// One platform fact an option relies on: a limit, capability, price, fee or credit of a profile
// (or of one of its plans or instance types) that a bound component resolves to, with the page
// it comes from and the date it was checked. The review pack's appendix lists them.
struct UsedFact {
    QString profile;     // profile id
    QString profileName; // the profile's display name
    QString scope;       // "" (the profile), "plan Paid", "instance standard-1 (plan Paid)"
    QString kind;        // "capability", "limit", "price", "fee", "credit", "billing month"
    QString key;         // limit key, capability key or meter usage
    QString value;       // display text, e.g. "128 MB" or "0.30 USD per 1,000,000 requests"
    Fact fact;
    QStringList components; // names of the components that use it, model order
    bool operator==(const UsedFact &) const = default;
};

// Every fact the bound components of the option resolve to, once each (by profile, scope, kind
// and key), ordered by profile name, then scope, kind and key. Unbound components and bindings
// that do not resolve contribute nothing. Facts without a source are left out.
std::vector<UsedFact> factsUsed(const Option &option, const Catalogue &catalogue);
// The same over several options (each fact once, its components from every option).
std::vector<UsedFact> factsUsed(const Project &project, const QStringList &optionIds,
                                const Catalogue &catalogue);

} // namespace stackplan
