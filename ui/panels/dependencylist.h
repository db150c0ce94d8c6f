#pragma once

#include <QString>
#include <QStringList>

namespace stackplan {

// Package names from a pasted dependency list: a requirements.txt (pip), a package.json (its
// "dependencies", or a fragment of them) or plain names, one per line or separated by commas.
// Versions, extras, environment markers, comments and pip options are dropped; the order is
// kept and duplicates are removed.
QStringList parseDependencyList(const QString &text);

} // namespace stackplan
