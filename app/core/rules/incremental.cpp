#include "rules/incremental.h"

#include "rules/rules_p.h"

#include <algorithm>

namespace stackplan {

using namespace rules;

IncrementalValidator::IncrementalValidator(const Catalogue &catalogue) : m_catalogue(catalogue) {}

std::vector<Finding> IncrementalValidator::validate(const Project &project, const Option &option)
{
    Context ctx{project, option, m_catalogue, {}, {}, {}, FixScope::none()};
    ctx.index();
    OptionCache &cache = m_options[option.id];
    std::vector<QString> fees(ctx.feesProvided.begin(), ctx.feesProvided.end());
    // A change of the option-wide inputs, or duplicate ids (not from a valid file), reruns all.
    const bool reuse = cache.assumptions == project.assumptions && cache.fees == fees
                       && ctx.indexes->components.size() == qsizetype(option.components.size());
    if (!reuse) {
        cache.components.clear();
        cache.assumptions = project.assumptions;
        cache.fees = fees;
    }

    auto endOf = [&ctx](const QString &id) {
        Entry::End e;
        if (const Component *o = ctx.component(id)) {
            e.name = o->name;
            e.role = o->role;
            e.profile = o->binding.profile;
            e.exists = true;
        }
        return e;
    };
    auto sameInputs = [&](const Entry &entry, const Component &c) {
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
                    if (e >= entry.ends.size() || !(endOf(*id) == entry.ends[e++]))
                        return false;
        }
        return e == entry.ends.size();
    };

    // Entries are updated in place; those of components no longer in the option are dropped.
    const int pass = ++cache.pass;
    m_lastRecomputed = 0;
    for (const auto &c : option.components) {
        auto it = cache.components.find(c.id);
        if (reuse && it != cache.components.end() && sameInputs(*it, c)) {
            ctx.out.insert(ctx.out.end(), it->findings.begin(), it->findings.end());
            it->pass = pass;
            continue;
        }
        ++m_lastRecomputed;
        const size_t first = ctx.out.size();
        checkOne(ctx, c);
        Entry entry;
        entry.component = c;
        for (const Connection *conn : ctx.connectionsOf(c.id)) {
            entry.connections.push_back(*conn);
            for (const QString *id : {&conn->from, &conn->to, &conn->via})
                if (!id->isEmpty() && *id != c.id)
                    entry.ends.push_back(endOf(*id));
        }
        entry.findings.assign(ctx.out.begin() + long(first), ctx.out.end());
        entry.pass = pass;
        cache.components.insert(c.id, std::move(entry));
    }
    if (cache.components.size() > qsizetype(option.components.size()))
        cache.components.removeIf([pass](const std::pair<const QString &, Entry &> &e) {
            return e.second.pass != pass;
        });

    m_bill.emplace(project, option, m_catalogue, &cache.bill);
    ctx.bill = &*m_bill;
    const size_t graphFirst = ctx.out.size();
    checkGraph(ctx);
    for (size_t i = graphFirst; i < ctx.out.size(); ++i)
        ctx.out[i].fixes.clear();
    std::sort(ctx.out.begin(), ctx.out.end());
    ctx.out.erase(std::unique(ctx.out.begin(), ctx.out.end()), ctx.out.end());
    return std::move(ctx.out);
}

} // namespace stackplan
