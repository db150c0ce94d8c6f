#pragma once

// Internals shared by the rule files. Not part of the core's API.

#include "profiles/catalogue.h"
#include "rules/finding.h"

#include <functional>
#include <map>
#include <set>

namespace stackplan::rules {

struct Context {
    const Project &project;
    const Option &option;
    const Catalogue &catalogue;
    // Component id → its resolved binding (null when unbound or not resolvable).
    std::map<QString, const ResolvedBinding *> bound;
    // Fee keys provided by the plans components are bound to.
    std::set<QString> feesProvided;
    std::vector<Finding> out;

    const ResolvedBinding *bindingOf(const QString &componentId) const;
    // True if the component is connected (either direction, or via) to a component bound to
    // `profileId`.
    bool connectedToProfile(const QString &componentId, const QString &profileId) const;
    bool hasSchedulerCaller(const QString &componentId) const;
};

Finding makeFinding(const char *rule, Severity severity, const Context &ctx, QStringList subjects,
                    QString message);
void setFact(Finding &f, const Fact &fact);
// "<profile name> (<plan name>)", or "<profile name> (<plan id> / <instance id>)".
QString bindingLabel(const ResolvedBinding &rb);
bool languageSupported(const QString &language, const QStringList &runtimes);
QString normalisePackage(const QString &spec);

// Component-level rules: those that depend on the component, its binding and its connections.
// Used by validation and by the search for rebinding candidates.
std::vector<Finding> checkComponent(const Context &ctx, const Component &c,
                                    const ResolvedBinding &rb);
// Up to `limit` bindings under which the component passes every component-level check without
// an error, nearest first (same profile, then same account, then the rest).
std::vector<const ResolvedBinding *> rebindCandidates(const Context &ctx, const Component &c,
                                                      int limit = 3);
// "Bind to …" fixes for those candidates.
std::vector<Fix> rebindFixes(const Context &ctx, const Component &c);

void checkGraph(Context &ctx);

// Position for a component added by a fix, below `near`.
LayoutEntry positionNear(const Option &o, const QString &near, int slot);

} // namespace stackplan::rules
