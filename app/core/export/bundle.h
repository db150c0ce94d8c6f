#pragma once

#include "model/project.h"
#include "rules/finding.h"

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QStringList>

#include <map>
#include <vector>

namespace stackplan {

class Catalogue;

// What the exporter says about an option beside its files. Every component, connection or
// feature it could not express is a Gap: nothing is dropped without one.
struct BundleNote {
    enum class Kind {
        Gap,        // not exported, with the reason
        Assumption, // a default the exporter chose because the model did not say
        Step,       // a manual step the deployer must take (also in DEPLOY.md)
    };
    Kind kind = Kind::Gap;
    QString subject; // component or connection id; empty for the option as a whole
    QString text;    // one line
    bool operator==(const BundleNote &) const = default;
};

// The deployment config bundle of one option: a file tree (relative path → bytes) plus notes.
// A pure value: the same project always gives the same bytes (no timestamps, sorted paths).
struct Bundle {
    QString option;
    std::map<QString, QByteArray> files;
    QSet<QString> executables; // paths written with the executable bit (scripts)
    std::vector<BundleNote> notes;

    int count(BundleNote::Kind kind) const;
    // True if at least one component has a deployment target.
    bool hasTargets = false;
};

// Builds the bundle of `option` from its components, workloads, connections, environment and
// bindings. Targets are chosen by each bound profile's `deploy` data; no I/O happens here.
Bundle makeBundle(const Project &project, const Option &option, const Catalogue &catalogue);
// The same with the option's findings already computed for this project (the GUI's analysis),
// instead of validating again.
Bundle makeBundle(const Project &project, const Option &option, const Catalogue &catalogue,
                  const std::vector<Finding> &findings);

// Writes bundles below `dir`, each in a folder named after its option id when there are several,
// or directly in `dir` for one. Writes to a temporary folder beside `dir` and renames it into
// place, so a failure leaves no half-written bundle. `dir` must not exist or be empty unless
// `force` (then its content is replaced). With `zipPath` set, writes one zip archive instead.
bool writeBundles(const std::vector<Bundle> &bundles, const QString &dir, bool force,
                  QString *error);
bool writeBundlesZip(const std::vector<Bundle> &bundles, const QString &zipPath, bool force,
                     QString *error);

} // namespace stackplan
