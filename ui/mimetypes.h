#pragma once

namespace stackplan {

// The MIME type of a role dragged from the palette; the data is the role id.
inline constexpr const char *kRoleMimeType = "application/x-stackplan-role";
// Copied canvas elements: a small project holding one option with the copied components, the
// connections among them and their layout, in the project file format.
inline constexpr const char *kElementsMimeType = "application/x-stackplan-elements";

} // namespace stackplan
