#pragma once

#include "io/fileerror.h"
#include "model/project.h"
#include "profiles/profile.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace stackplan {

struct ProfileProblem {
    FileError error;
    bool warning = false;
    bool operator==(const ProfileProblem &) const = default;
};

// All known profiles: the bundled ones (installed beside the executable, else compiled in; see
// util/datadir.h), then the user folder, then any --profiles directories; a later profile with
// the same id replaces an earlier one. A file with errors is skipped, and every problem in every
// file is reported; the others still load.
class Catalogue
{
public:
    Catalogue() = default;
    // Resolved bindings point into the profiles: a catalogue moves but is never copied.
    Catalogue(const Catalogue &) = delete;
    Catalogue &operator=(const Catalogue &) = delete;
    Catalogue(Catalogue &&) = default;
    Catalogue &operator=(Catalogue &&) = default;

    // Bundled + user folder (unless disabled) + extra directories, then cross-checked.
    static Catalogue standard(const QStringList &extraDirs = {}, bool includeUserFolder = true);
    // $XDG_DATA_HOME/stackplan/profiles
    static QString userFolder();

    void addBundled();
    void addDirectory(const QString &dir);
    // Parses one profile; `fileName` is used in messages. Returns true if it was added.
    bool addText(const QByteArray &text, const QString &fileName);
    // Cross-profile checks (references to other profiles, required fees). Call after adding.
    void finish();

    const std::vector<Profile> &profiles() const { return m_profiles; }
    const Profile *profile(const QString &id) const;
    const std::vector<ProfileProblem> &problems() const { return m_problems; }
    bool hasErrors() const;
    // Ids of profiles that replaced an earlier one with the same id, with the replaced origin.
    const std::vector<std::pair<QString, QString>> &overrides() const { return m_overrides; }
    // The file of the first profile `id` replaced (the bundled one, if it was bundled), or empty.
    QString replacedOrigin(const QString &id) const;

    // The fee a key names (for bills and for `requires`).
    const Fee *fee(const QString &key) const;

    // Resolves a component binding. On failure returns an invalid binding and explains why.
    ResolvedBinding resolve(const Binding &binding, QString *why = nullptr) const;
    // Every (profile, plan, instance type) combination, resolved once in finish(). A plan with
    // instance types appears once per type; a plan without, once with no instance.
    const std::vector<ResolvedBinding> &allBindings() const { return m_resolved; }
    // The resolved binding for a component binding, from that cache; null if it does not resolve.
    // A binding without an instance on a plan that sells instance types resolves to the plan alone.
    const ResolvedBinding *resolved(const Binding &binding) const;

    // References from a profile to other profiles (`via`) or fee keys (`requires`), checked in
    // finish() once every source is loaded.
    struct Reference {
        QString id;
        QString path;
        int line = 0;
        int column = 0;
    };
    struct PendingChecks {
        QString file;
        std::vector<Reference> profiles;
        std::vector<Reference> fees;
    };

private:
    std::map<QString, PendingChecks> m_pending; // by profile id
    std::vector<ResolvedBinding> m_resolved;
    struct ResolvedKey {
        QString profile;
        QString plan;
        QString instance;
        size_t index = 0; // into m_resolved
    };
    std::vector<ResolvedKey> m_resolvedIndex; // sorted by (profile, plan, instance)
    std::vector<Profile> m_profiles;           // sorted by id
    std::vector<ProfileProblem> m_problems;
    std::vector<std::pair<QString, QString>> m_overrides;
    QStringList m_sourceOfBatch; // ids added from the directory being loaded
};

// True for a profile file that ships with Stackplan (bundledDataDir("profiles")), false for the
// user folder and --profiles directories.
bool isBundledOrigin(const QString &origin);

// Parses a profile without adding it anywhere: for tests and tools.
std::optional<Profile> parseProfile(const QByteArray &text, const QString &fileName,
                                    std::vector<ProfileProblem> *problems);

} // namespace stackplan
