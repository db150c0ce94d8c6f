#pragma once

#include "io/fileerror.h"
#include "model/project.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace stackplan {

// The `.stackplan.json` project file (docs/file-format.md). Canonical: fixed key order, 2-space
// indent, trailing newline, no timestamps, defaults omitted, layout in its own section. Reading
// is strict: any problem yields one located FileError and no model at all.

inline constexpr int kProjectFormatVersion = 1;
inline constexpr const char *kProjectFileSuffix = ".stackplan.json";

struct ProjectLoad {
    std::optional<Project> project;
    FileError error;
    bool ok() const { return project.has_value(); }
};

// `fileName` is only used in error messages.
ProjectLoad parseProject(const QByteArray &bytes, const QString &fileName);
ProjectLoad loadProjectFile(const QString &path);

QByteArray serializeProject(const Project &project);
// Atomic: writes a temporary file and renames it over `path`; on failure the old file is intact.
bool saveProjectFile(const Project &project, const QString &path, QString *error = nullptr);

// Structural checks shared by the reader and the editor: unique ids, valid ids, connections and
// layout referring to existing components. Returns an empty string when the option is sound.
QString checkOption(const Option &option);

} // namespace stackplan
