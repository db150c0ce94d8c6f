#pragma once

#include "model/project.h"

#include <QDate>
#include <QHash>
#include <QString>

#include <memory>
#include <optional>
#include <set>
#include <tuple>
#include <vector>

namespace stackplan {

class Catalogue;
struct Meter;

// One line of a bill: a meter applied to a component's usage, an account fee, or a credit.
// The label of a component field named by BillLine::missingField ("Request duration").
QString missingFieldLabel(const QString &field);

struct BillLine {
    QString component;              // component id; empty for account-level lines
    QString usage;                  // meter usage ("requests", "gib-s"…), or "fee" / "credit"
    QString description;            // human wording
    std::optional<double> quantity; // none when the workload lacks data to derive it
    double included = 0; // allowance applied to this line (its share of a shared allowance)
    std::optional<double> billable;
    std::optional<double> unitPrice; // USD per `per` units; none when unknown
    double per = 1;
    std::optional<double> amount; // USD; none when the price or the quantity is unknown
    QString source;
    QDate checked;
    QString note;
    QString feeKey; // account fee lines: the fee's key (e.g. the subscription it stands for)
    // Unknown lines: the component field whose absence leaves the quantity unknown, as the
    // Inspector names it ("request", "cpu", "memory", "vcpu", "artifact", "vector-dimensions");
    // empty when the price is what is missing (the note then names the meter without one).
    QString missingField;
    // Usage beyond a plan's cap (a free quota): the plan cannot serve it, so there is no amount.
    bool overCap = false;
    bool isUnknown() const { return !amount.has_value() && !overCap; }
};

struct ComponentBill {
    QString component;
    QString name;
    Binding binding;
    std::vector<BillLine> lines;
    double known = 0; // sum of known amounts
    int unknown = 0;  // lines whose amount is unknown
    int overCap = 0;  // lines beyond a plan's cap
};

// The bill of one option at one traffic multiplier. Pure value.
struct Bill {
    QString option;
    double multiplier = 1;
    std::vector<ComponentBill> components; // bound components, in model order
    std::vector<BillLine> accountLines;    // fees (once per account) and credits
    double total = 0;                      // known part, USD per month
    int unknown = 0;                       // number of lines with an unknown amount
    int overCap = 0;                       // number of lines beyond a plan's cap
    // "$30.12", or "≥ $30.12 (2 unknown)" when some prices are unknown, "≥ $0.00 (1 over a
    // plan's cap)" when a plan cannot serve the usage: never a silent zero.
    QString totalText() const;
    const ComponentBill *componentBill(const QString &id) const;
};

// Conventions (docs/cost.md): a month is 730 hours and 30 days; daily allowances count 30 times.
// A profile or plan that states the month it bills (month_hours) overrides both.
inline constexpr double kHoursPerMonth = 730;
inline constexpr double kDaysPerMonth = 30;

// The option compiled for pricing: every meter that applies to a component, as a usage quantity
// linear in the traffic multiplier (flows such as requests scale; stocks such as storage or
// always-on instances do not), grouped into pools that share an included allowance (components
// bound to the same profile and plan draw on one account-wide allowance, first come first
// served in model order).
class BillModel
{
    struct Compiled;

public:
    // What each component contributes (its uses, fees, credits and caps), compiled from the
    // component and the catalogue alone: an editor keeps one cache per option, so a model after
    // an edit compiles only the components that changed and reassembles the pools.
    class Cache
    {
    public:
        std::shared_ptr<const Compiled> get(const Component &c, const Catalogue &catalogue);
        // Forgets the components not asked for since the previous call.
        void endPass();

    private:
        struct Entry {
            Component component;
            std::shared_ptr<const Compiled> compiled;
            int pass = 0;
        };
        QHash<QString, Entry> m_entries;
        int m_pass = 0;
    };

    BillModel(const Project &project, const Option &option, const Catalogue &catalogue,
              Cache *cache = nullptr);

    // The component at `index` in the option (the same id in the same place) changed to `c`:
    // updated in place when it stays bound to the same plan and draws on the same pools (a
    // workload, traffic or name edit), with exactly the figures a model built again would have;
    // false, and the model unchanged, when it must be built again (or was built without a
    // cache, which keeps no compiled parts).
    bool update(size_t index, const Component &c, const Catalogue &catalogue,
                Cache *cache = nullptr);

    Bill evaluate(double multiplier) const;
    // Total only (known part and unknown count), without building lines: for sweeps.
    double total(double multiplier, int *unknown = nullptr, int *overCap = nullptr) const;

    // A plan's cap (a free quota with no paid overage) that the usage of its components passes.
    struct CapExcess {
        const Meter *meter = nullptr;
        QString profileName;
        QString planName;
        QStringList components; // component ids drawing on the capped allowance, model order
        double quantity = 0;    // per month (or on the busiest day, for a daily cap)
        double included = 0;    // per month (or per day, for a daily cap)
        bool daily = false;
        bool busiestDay = false; // exceeded only on the busiest day the workload states
    };
    // Caps passed at `multiplier`: a daily cap against the daily average and, where a component
    // states its busiest day, against that day too.
    std::vector<CapExcess> capExcesses(double multiplier) const;

    // Multipliers at which an included allowance is used up (quantity reaches the allowance).
    struct AllowanceEdge {
        double multiplier;
        QString component; // the first component of the pool
        QString description;
    };
    std::vector<AllowanceEdge> allowanceEdges() const;
    // Multipliers at which a free plan's daily request cap is exceeded (a paid plan is needed).
    std::vector<AllowanceEdge> planEdges() const;

private:
    struct Use {
        int component = 0; // index into m_components
        double flow = 0;   // quantity per unit multiplier
        double stock = 0;  // quantity independent of the multiplier
        bool quantityKnown = true;
        QString missing; // the field that would make the quantity known
        double busiestDay = 1; // busiest day ÷ average day of the component's traffic
        QString description;
    };
    struct Pool {
        const Meter *meter = nullptr;
        QString profileName;
        QString planName;
        double included = 0; // per month
        double daysPerMonth = kDaysPerMonth;
        std::vector<Use> uses;
        std::vector<int> credits; // indices of credits that may apply to this pool's usage
        // For total(): a pool whose meter neither rounds nor caps and has a price, with
        // non-negative quantities, costs the meter's price of (Σ quantity − included)⁺ — the
        // lines' costs summed, without a walk over its uses at each multiplier.
        bool summable = false;
        double flow = 0;  // Σ flow of the uses whose quantity is known
        double stock = 0; // Σ stock of those
        int unknownUses = 0;
        int account = -1; // index of the uses' account in m_accounts (one profile, one account)
        bool oneAccount = true;         // every use on that account
        std::vector<int> accountCredits; // the credits of `credits` on that account
    };
    struct Credit {
        double amount = 0;
        QString account;
        QStringList usages;
        QString label;
        QString source;
        QDate checked;
    };
    struct Fee {
        QString key;
        double amount = 0;
        QString label;
        QString source;
        QDate checked;
        QString note;
    };
    struct Cap {
        int component = 0;
        double requestsPerMultiplier = 0;
        double monthly = 0; // the daily cap over the billing month
        // For the edge's wording, built only when edges are asked for.
        QString name;
        double perDay = 0;
        QString planName;
    };

    // (profile, plan, instance for instance meters, usage, basis, scope: -1 for an account's
    // allowance, else the component's place in the option).
    using PoolKey = std::tuple<const void *, const void *, const void *, QString, QString, int>;
    struct Compiled {
        ComponentBill header; // id, name, binding
        QString account;
        std::vector<QString> fees; // the plan's fee, then the fees it requires
        QString creditKey;
        std::optional<Credit> credit;
        std::optional<Cap> cap; // its component index set on assembly
        struct Part {
            PoolKey key; // scope 0 stands for the component's own place
            Pool pool;   // the pool this use creates when it is the first of its key
            Use use;
        };
        std::vector<Part> parts;
    };
    static std::shared_ptr<const Compiled> compile(const Component &c, const Catalogue &catalogue);
    // A pool's sums over its uses (flow, stock, unknown uses, whether it is summable).
    static void sumPool(Pool &pool);

    // The multiplier at which a pool's usage reaches its included quantity; none if never.
    static std::optional<double> exhaustion(const Pool &pool);
    // Known cost of a pool at a multiplier; appends lines when asked, and adds each use's cost to
    // `creditable[i]` for the credits it may draw on.
    double poolCost(const Pool &pool, double multiplier, std::vector<BillLine> *lines, int *unknown,
                    int *overCap, std::vector<double> *creditable) const;
    // poolCost() without lines, in closed form for summable pools.
    double poolTotal(const Pool &pool, double multiplier, int *unknown, int *overCap,
                     std::vector<double> &creditable) const;
    // poolCost() without lines, use by use (for pools that round each use or have no price).
    double poolWalk(const Pool &pool, double multiplier, int *unknown, int *overCap) const;

    QString m_option;
    std::vector<ComponentBill> m_components; // templates: ids, names, bindings
    std::vector<QString> m_accounts;         // account of each component (profile.account)
    std::vector<Pool> m_pools;
    std::vector<Fee> m_fees;
    std::vector<Credit> m_credits;
    std::vector<Cap> m_caps;
    // For update(): each component's compiled part (model order), its place in the model by its
    // place in the option (-1: not priced), and where its uses are (pool, use).
    std::vector<std::shared_ptr<const Compiled>> m_compiled;
    std::vector<int> m_modelIndex;
    std::vector<std::vector<std::pair<int, int>>> m_usesOf;
};

// Human wording of a meter usage ("requests", "storage (GB-month)", …).
QString usageLabel(const QString &usage);

// Convenience: compile and evaluate once.
Bill computeBill(const Project &project, const Option &option, const Catalogue &catalogue,
                 double multiplier);
// Traffic multiplier of a level name ("low", "typical", "high") or a number; none if invalid.
std::optional<double> trafficMultiplier(const Assumptions &a, const QString &level);

// Cost of one component alone under a binding (no shared allowances with others), plus the
// account fees that binding would add to the option: used to rank rebinding suggestions.
struct CostEstimate {
    double known = 0;
    int unknown = 0;
    int overCap = 0; // lines beyond a plan's cap: the binding cannot serve the usage
};
CostEstimate estimateComponentCost(const Project &project, const Option &option,
                                   const Component &component, const Catalogue &catalogue);
// The same, given the account fees the rest of the option already pays.
CostEstimate estimateComponentCost(const Project &project, const Component &component,
                                   const Catalogue &catalogue, const std::set<QString> &feesPaid);

} // namespace stackplan
