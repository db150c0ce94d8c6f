#pragma once

#include "model/project.h"

#include <map>

namespace stackplan {

// Box size on the canvas, shared by layout, scene and exports.
inline constexpr double kBoxWidth = 236;
inline constexpr double kBoxHeight = 76;
inline constexpr double kTierSpacing = 320; // left edge to left edge of adjacent tiers
inline constexpr double kRowSpacing = 112;  // top to top within a tier
inline constexpr double kGrid = 8;

// Left-to-right tier of a role: clients → edge/proxy and frontends → backends and workers →
// data stores → external APIs.
int tierOf(Role role);

// Positions for an option's components, arranged by tier (a small Sugiyama-style layout).
// Pinned components keep their place; the others are laid out column by column, each box as
// close as it can get to the mean height of its neighbours in the previous tier, so chains run
// straight. A connection that skips tiers reserves a slot in each tier it crosses, so arrows
// never run behind boxes. Deterministic: the same option always gives the same layout.
std::map<QString, LayoutEntry> arrangeByTier(const Option &option);

// Positions for components that have none yet (new boxes, hand-written files), leaving every
// existing position untouched.
std::map<QString, LayoutEntry> placeMissing(const Option &option);

} // namespace stackplan
