#include "rules/incremental.h"

#include "rules/rules_p.h"

#include <algorithm>
#include <iterator>
#include <set>
#include <utility>

namespace stackplan {

using namespace rules;

namespace {

// The inputs of a component's rules that live in other components: the other end of each of
// its connections.
struct End {
    QString name;
    Role role = Role::Backend;
    QString profile;
    bool exists = false;
    bool operator==(const End &) const = default;
};

End endOf(const Context &ctx, const QString &id)
{
    End e;
    if (const Component *o = ctx.component(id)) {
        e.name = o->name;
        e.role = o->role;
        e.profile = o->binding.profile;
        e.exists = true;
    }
    return e;
}

void eraseEach(std::multiset<Finding> &set, const std::vector<Finding> &findings)
{
    for (const auto &f : findings)
        if (const auto it = set.find(f); it != set.end())
            set.erase(it);
}

void insertEach(std::multiset<Finding> &set, const std::vector<Finding> &findings)
{
    for (const auto &f : findings)
        set.insert(f);
}

} // namespace

struct IncrementalValidator::OptionCache {
    struct Entry {
        Component component;
        std::vector<Connection> connections; // touching it, in option order
        std::vector<End> ends;               // the other end of each (from, to and via)
        std::vector<Finding> findings;       // its own rules' (checkOne)
        int pass = 0;                        // the last validate() that saw the component
    };

    bool ready = false;
    Assumptions assumptions;
    std::set<QString> fees; // fee keys the option's plans provide
    // The option as last validated (id, name, components, connections; not the layout): the
    // index points into it, so it stays valid while edits only change elements in place.
    Option option;
    std::shared_ptr<Context::Index> index;
    bool duplicateIds = false;         // two components share an id: nothing is reused
    QHash<QString, int> connectionPos; // connection id → place, for touched ids (lazy)
    QHash<QString, Entry> components;
    // Every finding but availability, quotas and the budget: the components' own, the graph
    // rules' per database (pooling of the connections into it, its capacity) and isolation.
    std::multiset<Finding> findings;
    QHash<QString, std::vector<Finding>> databases;
    QHash<QString, Finding> isolated;
    std::vector<Finding> availability;
    int pass = 0;
    BillModel::Cache billCache; // each component's compiled bill part
    std::optional<BillModel> bill;
};

IncrementalValidator::IncrementalValidator(const Catalogue &catalogue) : m_catalogue(catalogue) {}

IncrementalValidator::~IncrementalValidator() = default;

const BillModel &IncrementalValidator::billModel() const
{
    return *m_last->bill;
}

void IncrementalValidator::clear()
{
    m_options.clear();
    m_last = nullptr;
}

std::vector<Finding> IncrementalValidator::validate(const Project &project, const Option &option)
{
    return run(project, option, nullptr);
}

std::vector<Finding> IncrementalValidator::validate(const Project &project, const Option &option,
                                                    const QSet<QString> &touched)
{
    return run(project, option, &touched);
}

std::vector<Finding> IncrementalValidator::run(const Project &project, const Option &option,
                                               const QSet<QString> *touched)
{
    std::unique_ptr<OptionCache> &slot = m_options[option.id];
    if (!slot)
        slot = std::make_unique<OptionCache>();
    OptionCache &cache = *slot;
    m_last = &cache;
    m_lastRecomputed = 0;
    const int pass = ++cache.pass;

    // What changed since the copy: components and connections changed in place (same id at the
    // same place, same ends), or a change of structure.
    std::vector<size_t> changedComponents, changedConnections;
    bool rebuild = !cache.ready || cache.duplicateIds || !(cache.assumptions == project.assumptions)
                   || cache.option.components.size() != option.components.size()
                   || cache.option.connections.size() != option.connections.size();
    auto compareComponent = [&](size_t i) {
        const Component &was = cache.option.components[i];
        const Component &is = option.components[i];
        if (was.id != is.id)
            rebuild = true;
        else if (!(was == is))
            changedComponents.push_back(i);
    };
    auto compareConnection = [&](size_t i) {
        const Connection &was = cache.option.connections[i];
        const Connection &is = option.connections[i];
        if (was.id != is.id || was.from != is.from || was.to != is.to || was.via != is.via)
            rebuild = true;
        else if (!(was == is))
            changedConnections.push_back(i);
    };
    if (!rebuild && !touched) {
        for (size_t i = 0; i < option.components.size() && !rebuild; ++i)
            compareComponent(i);
        for (size_t i = 0; i < option.connections.size() && !rebuild; ++i)
            compareConnection(i);
    } else if (!rebuild) {
        if (cache.connectionPos.isEmpty() && !cache.option.connections.empty()) {
            cache.connectionPos.reserve(qsizetype(cache.option.connections.size()));
            for (size_t i = 0; i < cache.option.connections.size(); ++i)
                cache.connectionPos.insert(cache.option.connections[i].id, int(i));
        }
        for (const QString &id : *touched) {
            if (rebuild)
                break;
            if (const auto it = cache.index->components.constFind(id);
                it != cache.index->components.cend())
                compareComponent(size_t(*it - cache.option.components.data()));
            else if (const auto c = cache.connectionPos.constFind(id);
                     c != cache.connectionPos.cend())
                compareConnection(size_t(*c));
            else if (std::any_of(option.components.begin(), option.components.end(),
                                 [&](const Component &x) { return x.id == id; })
                     || std::any_of(option.connections.begin(), option.connections.end(),
                                    [&](const Connection &x) { return x.id == id; }))
                rebuild = true; // added (and another removed)
        }
        std::sort(changedComponents.begin(), changedComponents.end());
        changedComponents.erase(std::unique(changedComponents.begin(), changedComponents.end()),
                                changedComponents.end());
        std::sort(changedConnections.begin(), changedConnections.end());
        changedConnections.erase(std::unique(changedConnections.begin(), changedConnections.end()),
                                 changedConnections.end());
    }
    cache.option.id = option.id;
    cache.option.name = option.name;
    cache.option.description = option.description;

    Context ctx{project, cache.option, m_catalogue, {}, {}, {}, FixScope::none()};
    QSet<QString> rerun, databases;
    bool availabilityDirty = false;

    if (!rebuild) {
        // Apply the changes to the copy and its index in place.
        ctx.indexes = cache.index;
        Context::Index &index = *cache.index;
        auto feeCounts = [&](const ResolvedBinding *rb, int delta) {
            if (!rb)
                return;
            auto add = [delta](std::map<QString, int> &counts, const QString &key) {
                if ((counts[key] += delta) == 0)
                    counts.erase(key);
            };
            if (rb->plan->fee) {
                add(index.feeProviders, rb->plan->fee->key);
                add(index.feePayers, rb->plan->fee->key);
            }
            for (const auto &k : rb->plan->requiredFees)
                add(index.feePayers, k);
        };
        for (const size_t i : changedComponents) {
            const Component old = std::exchange(cache.option.components[i], option.components[i]);
            const Component &c = cache.option.components[i];
            if (!(old.binding == c.binding)) {
                const ResolvedBinding *rb
                    = c.binding.isBound() ? m_catalogue.resolved(c.binding) : nullptr;
                feeCounts(index.bound.value(c.id), -1);
                feeCounts(rb, +1);
                index.bound[c.id] = rb;
            }
            const bool endChanged = old.name != c.name || old.role != c.role
                                    || old.binding.profile != c.binding.profile;
            availabilityDirty = availabilityDirty || old.name != c.name || old.role != c.role
                                || !(old.binding == c.binding);
            rerun.insert(c.id);
            databases.insert(c.id);
            for (const Connection *conn : ctx.connectionsOf(c.id))
                for (const QString *id : {&conn->from, &conn->to, &conn->via})
                    if (!id->isEmpty()) {
                        databases.insert(*id);
                        if (endChanged)
                            rerun.insert(*id);
                    }
        }
        for (const size_t i : changedConnections) {
            cache.option.connections[i] = option.connections[i];
            const Connection &conn = cache.option.connections[i];
            for (const QString *id : {&conn.from, &conn.to, &conn.via})
                if (!id->isEmpty()) {
                    rerun.insert(*id);
                    databases.insert(*id);
                }
        }
        std::set<QString> fees;
        for (const auto &[key, n] : index.feeProviders)
            fees.insert(key);
        // Other subscriptions change every component's rules: start again.
        rebuild = fees != cache.fees;
    }
    ctx.indexes = cache.index;
    ctx.feesProvided = cache.fees;

    auto checkDatabase = [&](const QString &id) {
        std::vector<Finding> &stored = cache.databases[id];
        eraseEach(cache.findings, stored);
        ctx.out.clear();
        if (const Component *db = ctx.component(id)) {
            for (const Connection *conn : ctx.connectionsOf(id))
                if (conn->to == id)
                    checkPooling(ctx, *conn);
            checkDbCapacity(ctx, *db);
        }
        insertEach(cache.findings, ctx.out);
        if (ctx.out.empty())
            cache.databases.remove(id);
        else
            stored = std::move(ctx.out);
        ctx.out.clear();
    };
    auto checkIsolation = [&](const Component &c) {
        if (const auto it = cache.isolated.constFind(c.id); it != cache.isolated.cend()) {
            if (const auto f = cache.findings.find(*it); f != cache.findings.end())
                cache.findings.erase(f);
            cache.isolated.erase(it);
        }
        if (cache.option.components.size() <= 1)
            return;
        ctx.out.clear();
        checkIsolated(ctx, c);
        if (!ctx.out.empty()) {
            cache.findings.insert(ctx.out.front());
            cache.isolated.insert(c.id, std::move(ctx.out.front()));
        }
        ctx.out.clear();
    };
    auto checkComponent = [&](const Component &c, OptionCache::Entry &entry) {
        ++m_lastRecomputed;
        eraseEach(cache.findings, entry.findings);
        ctx.out.clear();
        checkOne(ctx, c);
        entry.component = c;
        entry.connections.clear();
        entry.ends.clear();
        for (const Connection *conn : ctx.connectionsOf(c.id)) {
            entry.connections.push_back(*conn);
            for (const QString *id : {&conn->from, &conn->to, &conn->via})
                if (!id->isEmpty() && *id != c.id)
                    entry.ends.push_back(endOf(ctx, *id));
        }
        entry.findings = std::move(ctx.out);
        ctx.out.clear();
        insertEach(cache.findings, entry.findings);
        entry.pass = pass;
    };

    m_lastRebuilt = rebuild;
    if (rebuild) {
        cache.option.components = option.components;
        cache.option.connections = option.connections;
        cache.connectionPos.clear();
        ctx.feesProvided.clear();
        ctx.index();
        cache.index = std::const_pointer_cast<Context::Index>(ctx.indexes);
        cache.duplicateIds = cache.index->components.size() != qsizetype(option.components.size());
        // New assumptions or subscriptions, or duplicate ids (not from a valid file), rerun all.
        if (!cache.ready || cache.duplicateIds || !(cache.assumptions == project.assumptions)
            || cache.fees != ctx.feesProvided)
            cache.components.clear();
        cache.assumptions = project.assumptions;
        cache.fees = ctx.feesProvided;
        cache.ready = true;

        auto sameInputs = [&](const OptionCache::Entry &entry, const Component &c) {
            if (!(entry.component == c))
                return false;
            const auto &conns = ctx.connectionsOf(c.id);
            if (conns.size() != entry.connections.size())
                return false;
            size_t e = 0;
            for (size_t i = 0; i < conns.size(); ++i) {
                const Connection &conn = *conns[i];
                if (!(conn == entry.connections[i]))
                    return false;
                for (const QString *id : {&conn.from, &conn.to, &conn.via})
                    if (!id->isEmpty() && *id != c.id)
                        if (e >= entry.ends.size() || !(endOf(ctx, *id) == entry.ends[e++]))
                            return false;
            }
            return e == entry.ends.size();
        };
        cache.findings.clear();
        cache.databases.clear();
        cache.isolated.clear();
        for (const auto &c : cache.option.components) {
            auto it = cache.components.find(c.id);
            if (it != cache.components.end() && sameInputs(*it, c)) {
                insertEach(cache.findings, it->findings);
                it->pass = pass;
                continue;
            }
            if (it == cache.components.end())
                it = cache.components.insert(c.id, {});
            it->findings.clear(); // not in the set
            checkComponent(c, *it);
        }
        if (cache.components.size() > qsizetype(cache.option.components.size()))
            cache.components.removeIf(
                [pass](const std::pair<const QString &, OptionCache::Entry &> &e) {
                    return e.second.pass != pass;
                });
        for (const auto &c : cache.option.components) {
            checkDatabase(c.id);
            checkIsolation(c);
        }
        availabilityDirty = true;
    } else {
        for (const QString &id : std::as_const(rerun))
            if (const Component *c = ctx.component(id))
                checkComponent(*c, cache.components[id]);
        for (const QString &id : std::as_const(databases))
            checkDatabase(id);
        for (const size_t i : changedComponents)
            checkIsolation(cache.option.components[i]);
    }
    if (availabilityDirty) {
        ctx.out.clear();
        checkAvailability(ctx);
        cache.availability = std::move(ctx.out);
        ctx.out.clear();
    }

    // The bill model: updated in place for components that stay on their plan, else compiled
    // again from the cache of compiled components.
    bool billCurrent = !rebuild && cache.bill.has_value();
    for (size_t k = 0; billCurrent && k < changedComponents.size(); ++k)
        billCurrent = cache.bill->update(changedComponents[k],
                                         cache.option.components[changedComponents[k]], m_catalogue,
                                         &cache.billCache);
    if (!billCurrent)
        cache.bill.emplace(project, cache.option, m_catalogue, &cache.billCache);
    std::vector<Finding> rest = cache.availability;
    ctx.out.clear();
    checkQuotas(ctx, *cache.bill);
    checkBudget(ctx, *cache.bill);
    std::move(ctx.out.begin(), ctx.out.end(), std::back_inserter(rest));
    std::sort(rest.begin(), rest.end());

    std::vector<Finding> out;
    out.reserve(cache.findings.size() + rest.size());
    std::merge(cache.findings.begin(), cache.findings.end(), rest.begin(), rest.end(),
               std::back_inserter(out));
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace stackplan
