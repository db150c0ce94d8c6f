#pragma once

#include "cost/bill.h"
#include "model/project.h"
#include "rules/finding.h"

#include <QHash>

#include <optional>
#include <vector>

namespace stackplan {

class Catalogue;

// Validation of options kept current across edits, for an editor that revalidates on every
// change. It returns exactly what validateOption(project, option, catalogue, FixScope::none())
// returns (fixes are asked for with fixesFor() when a menu opens), but reruns the rules of a
// component only when its inputs changed since the last call for that option: the component
// itself, its connections, the name, role and platform of the components at their other ends,
// the subscriptions the option's plans provide and the project's assumptions. The graph rules
// (pooling, database capacity, availability, quotas, budget, isolation) span the option and
// always run, on a bill model that recompiles only changed components. Not thread-safe: one
// instance per thread.
class IncrementalValidator
{
public:
    explicit IncrementalValidator(const Catalogue &catalogue);

    std::vector<Finding> validate(const Project &project, const Option &option);
    // The bill model of the option last validated (validation prices it for quotas and the
    // budget): its evaluate() is computeBill() of that option without compiling it again.
    const BillModel &billModel() const { return *m_bill; }
    // Components whose rules ran in the last validate() (the rest were reused): for tests.
    int lastRecomputed() const { return m_lastRecomputed; }
    // Forgets everything (e.g. when the catalogue's profiles were reloaded).
    void clear() { m_options.clear(); }

private:
    struct Entry {
        Component component;
        std::vector<Connection> connections; // touching it, in option order
        struct End {
            QString name;
            Role role = Role::Backend;
            QString profile;
            bool exists = false;
            bool operator==(const End &) const = default;
        };
        std::vector<End> ends; // the other end of each connection (from, to and via)
        std::vector<Finding> findings;
        int pass = 0; // the last validate() that saw the component
    };
    struct OptionCache {
        Assumptions assumptions;
        std::vector<QString> fees; // sorted fee keys the option's plans provide
        QHash<QString, Entry> components;
        int pass = 0;
        BillModel::Cache bill; // each component's compiled bill part
    };

    const Catalogue &m_catalogue;
    QHash<QString, OptionCache> m_options;
    int m_lastRecomputed = 0;
    std::optional<BillModel> m_bill;
};

} // namespace stackplan
