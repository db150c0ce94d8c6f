#pragma once

#include "model/project.h"

#include <cmath>
#include <map>

namespace stackplan {

// Box size on the canvas, shared by layout, scene and exports.
inline constexpr double kBoxWidth = 236;
inline constexpr double kBoxHeight = 76;
inline constexpr double kTierSpacing = 336; // left edge to left edge of adjacent tiers
inline constexpr double kRowSpacing = 112;  // top to top within a tier
inline constexpr double kGrid = 8;

// The nearest grid point, for snapping boxes as they are placed or dragged.
inline double snappedToGrid(double v)
{
    return std::round(v / kGrid) * kGrid;
}

// Left-to-right tier of a role: clients → edge/proxy and frontends → backends and workers →
// data stores → external APIs.
int tierOf(Role role);

// The column of each component: its role's tier, except that an external service that only
// calls in is an entry point (tier 0), and a component that is only ever a connection's `via`
// takes the column of that connection's target.
std::map<QString, int> layoutTiers(const Option &option);

// Positions for an option's components, arranged by tier (a small Sugiyama-style layout).
// Pinned components keep their place; the others are laid out column by column, each box as
// close as it can get to the mean height of its neighbours in the previous tier, so chains run
// straight. A connection that skips tiers reserves a lane at its source's height in each tier it
// crosses, so its arrow runs level through a free band and never behind a box; a connection
// with a `via` is laid out (and drawn) through it. Deterministic: the same option always gives
// the same layout.
//
// For diagrams without pinned boxes a layered (Sugiyama) layout is tried too: tier orders from
// alternating barycentre sweeps with adjacent swaps, kept at the fewest crossings; positions by
// least-squares placement in that order; thin lanes shared by the arrows of one source; and
// tiers too tall for a screen wrapped into several columns. It is taken when it has fewer
// crossings (countCrossings) than the greedy layout, or as many when the greedy one is more than
// 1.5 times as tall as it is wide.
std::map<QString, LayoutEntry> arrangeByTier(const Option &option);
// The two candidates, exposed for tests and benchmarks.
std::map<QString, LayoutEntry> arrangeGreedy(const Option &option);
std::map<QString, LayoutEntry> arrangeLayered(const Option &option);

// How many pairs of connections cross when each is drawn as a straight line between box centres
// (through its `via`, if any); pairs that share a box are not counted. The measure the layout
// minimises and its tests assert.
int countCrossings(const Option &option, const std::map<QString, LayoutEntry> &layout);
// Area of the bounding box of the boxes of a layout, in square diagram units.
double layoutArea(const std::map<QString, LayoutEntry> &layout);

// Positions for components that have none yet (new boxes, hand-written files), leaving every
// existing position untouched.
std::map<QString, LayoutEntry> placeMissing(const Option &option);

} // namespace stackplan
