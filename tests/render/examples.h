#pragma once

// The bundled example projects (compiled in as :/examples) for the render and report tests.
#include "io/projectfile.h"

#include <QDir>
#include <QStringList>

namespace examples {

inline stackplan::Project example(const QString &file)
{
    stackplan::ProjectLoad load = stackplan::loadProjectFile(QStringLiteral(":/examples/") + file);
    return load.ok() ? *load.project : stackplan::Project{};
}

inline QStringList exampleFiles()
{
    return QDir(QStringLiteral(":/examples")).entryList({QStringLiteral("*.stackplan.json")});
}

} // namespace examples
