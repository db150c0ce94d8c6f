#pragma once

// Internals shared by the rule files. Not part of the core's API.

#include "profiles/catalogue.h"
#include "rules/finding.h"
#include "rules/validate.h"

#include <QHash>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace stackplan {
class BillModel;
}

namespace stackplan::rules {

struct Context {
    const Project &project;
    const Option &option;
    const Catalogue &catalogue;
    // Fee keys provided by the plans components are bound to.
    std::set<QString> feesProvided;
    std::vector<Finding> out;
    // Indexes built once per validation (shared with the probes of rebinding candidates), so
    // per-component rules do not scan the whole option.
    struct Index {
        QHash<QString, const Component *> components;
        QHash<QString, std::vector<const Connection *>> touching; // from, to or via
        // Ids taken, for the ids of elements fixes add: built on the first fix that needs them.
        mutable std::optional<QSet<QString>> componentIds;
        mutable std::optional<QSet<QString>> connectionIds;
        // Component id → its resolved binding (null when unbound or not resolvable).
        QHash<QString, const ResolvedBinding *> bound;
        // How many components provide (plan fee) or pay (fee or required fee) each fee key, so
        // "the fees of the others" is a lookup, not a walk over the option per component.
        std::map<QString, int> feeProviders;
        std::map<QString, int> feePayers;
    };
    std::shared_ptr<const Index> indexes;
    // Which findings get their fixes (rebinding candidates cost a rule pass and a bill per
    // catalogue binding, so the GUI asks for them only when a fix menu opens).
    FixScope fixes = FixScope::all();
    // The option's bill model, when the caller prices the option too (else checkGraph builds one).
    const BillModel *bill = nullptr;

    bool wantsFixes(const QStringList &subjects) const { return fixes.covers(subjects); }

    // Builds the indexes above from `option`, and the fees its plans provide.
    void index();
    const Component *component(const QString &id) const;
    const std::vector<const Connection *> &connectionsOf(const QString &componentId) const;
    const ResolvedBinding *bindingOf(const QString &componentId) const;
    // Ids for elements a fix adds, unique in the option.
    QString freshComponentId(const QString &base) const;
    QString freshConnectionId(const QString &base) const;
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
// Whether a platform listing `protocols` carries `p`: listed, a webhook where HTTP is, or a
// database/cache wire protocol where raw TCP is.
bool carriedBy(Protocol p, const QStringList &protocols);
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

// The findings of one component (its own rules and, where ctx.fixes covers them, their fixes),
// appended to ctx.out; validation runs it for every component, then checkGraph once.
void checkOne(Context &ctx, const Component &c);
void checkGraph(Context &ctx);
// The parts of checkGraph, for incremental validation: the pooling of one connection (a
// finding about a connection into an SQL database, which depends on the database's other
// clients), the connection capacity of one database, the availability of every request path,
// the quotas and budget on the option's bill model, and a component without connections.
void checkPooling(Context &ctx, const Connection &conn);
void checkDbCapacity(Context &ctx, const Component &db);
void checkAvailability(Context &ctx);
void checkQuotas(Context &ctx, const BillModel &bill);
void checkBudget(Context &ctx, const BillModel &bill);
void checkIsolated(Context &ctx, const Component &c);

// Position for a component added by a fix, below `near`.
LayoutEntry positionNear(const Option &o, const QString &near, int slot);

} // namespace stackplan::rules
