#pragma once

#include "cost/bill.h"
#include "model/project.h"
#include "rules/finding.h"

#include <QSet>

#include <memory>
#include <unordered_map>
#include <vector>

namespace stackplan {

class Catalogue;

// Validation of options kept current across edits, for an editor that revalidates on every
// change. It returns exactly what validateOption(project, option, catalogue, FixScope::none())
// returns (fixes are asked for with fixesFor() when a menu opens), but keeps a copy of the option
// last validated, its id index and its findings, and redoes only what an edit touched:
// - the rules of a component run again when its inputs changed: the component itself, its
//   connections, the name, role and platform of the components at their other ends, the
//   subscriptions the option's plans provide and the project's assumptions;
// - the graph rules run again where they can have changed: the pooling and capacity of the
//   databases at either end of a changed component or connection, the availability of the
//   request paths when a component's name, role or binding changed; quotas and the budget read
//   the bill model, which recompiles only changed components.
// An edit that adds, removes, reorders or reconnects elements rebuilds the index and reruns the
// graph rules, but still reuses every component whose inputs did not change. Not thread-safe:
// one instance per thread.
class IncrementalValidator
{
public:
    explicit IncrementalValidator(const Catalogue &catalogue);
    ~IncrementalValidator();
    IncrementalValidator(const IncrementalValidator &) = delete;
    IncrementalValidator &operator=(const IncrementalValidator &) = delete;

    std::vector<Finding> validate(const Project &project, const Option &option);
    // The same, told which ids the edits since the previous call for this option touched (the
    // ids of the components and connections they added, removed or changed): only those are
    // compared with the copy. A component or connection changed but not named is missed, so
    // the caller must name every one (EditOp targets do); when in doubt, use the overload above.
    std::vector<Finding> validate(const Project &project, const Option &option,
                                  const QSet<QString> &touched);
    // The bill model of the option last validated (validation prices it for quotas and the
    // budget): its evaluate() is computeBill() of that option without compiling it again.
    const BillModel &billModel() const;
    // Components whose rules ran in the last validate() (the rest were reused): for tests.
    int lastRecomputed() const { return m_lastRecomputed; }
    // Whether the last validate() rebuilt the option's index (an element was added, removed,
    // reordered or reconnected, or the assumptions or subscriptions changed): for tests.
    bool lastRebuilt() const { return m_lastRebuilt; }
    // Forgets everything (e.g. when the catalogue's profiles were reloaded).
    void clear();

private:
    struct OptionCache;
    std::vector<Finding> run(const Project &project, const Option &option,
                             const QSet<QString> *touched);

    const Catalogue &m_catalogue;
    std::unordered_map<QString, std::unique_ptr<OptionCache>> m_options;
    const OptionCache *m_last = nullptr;
    int m_lastRecomputed = 0;
    bool m_lastRebuilt = false;
};

} // namespace stackplan
