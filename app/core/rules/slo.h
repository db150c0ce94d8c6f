#pragma once

#include "model/project.h"

#include <optional>
#include <vector>

namespace stackplan {

struct Capabilities;

// Service-level facts shared by the rules (slo.availability, slo.latency, availability.sleeps)
// and the option comparison, so both read the same paths and the same delays.

// The request paths of an option: from every component that starts connections and receives
// none, each acyclic walk along connections to a component that starts none (connection order;
// at most `limit` paths).
std::vector<std::vector<QString>> requestPaths(const Option &option, size_t limit = 500);

// Whether a component on a request path counts towards the path's availability: clients and
// third-party APIs are outside the system and do not.
bool countsForAvailability(const Component &component);

// The delay a first request may wait when the component is cold, in ms: the platform's cold
// start when it scales to zero and the workload keeps no instance warm; none otherwise or when
// the platform publishes no cold start.
std::optional<double> coldStartMs(const Workload &workload, const Capabilities &capabilities);
// The time a sleeping plan takes to wake, in ms; none when the plan does not sleep or does not
// say how long waking takes.
std::optional<double> wakeMs(const Capabilities &capabilities);

} // namespace stackplan
