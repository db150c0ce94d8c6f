#pragma once

// Internals shared by the exporter's target writers. Not part of the core's API.
//
// makeBundle() builds one Context per option. Each target writer (wrangler, knative, fly-toml,
// render-blueprint, railway-json, compose, dockerfile) takes the units whose profile names its
// target, writes
// files through Context::file(), and records what it expressed: the connections it wired, the
// workload settings it carried into a file, the manual steps it needs. Whatever no writer
// expressed becomes a Gap note and a row of DEPLOY.md's "Not exported" table.

#include "export/bundle.h"
#include "export/text.h"
#include "profiles/catalogue.h"
#include "rules/finding.h"

#include <QHash>
#include <QSet>

#include <map>
#include <optional>
#include <set>
#include <vector>

namespace stackplan::exporter {

// One component as the exporter sees it.
struct Unit {
    const Component *c = nullptr;
    const Profile *profile = nullptr;     // null when unbound or the profile is unknown
    const ResolvedBinding *rb = nullptr;  // null when the binding does not resolve
    const Deploy *deploy = nullptr;       // null when the profile has no deployment target
    QString dir;                          // the component's folder in the bundle (its id)
    bool is(const char *target, const char *kind = nullptr) const;
};

// An environment variable as exported: a valid name (renamed when the model's is not one).
struct EnvEntry {
    QString name;
    QString original;
    bool secret = false;
    QString value; // non-secret default, possibly filled in by the exporter (CORS origins)
};

// A container image for a component: Dockerfile plus its dependency file, in `dir`.
struct ImageOptions {
    bool healthCheck = false; // add a HEALTHCHECK (platforms that do not probe the container)
    QString purpose;          // for the file table: "the image Cloud Run runs"
};
struct Image {
    bool ok = false;  // false: no Dockerfile could be written (gap noted)
    QString dockerfile; // bundle path
    int port = 0;       // the port the container listens on
    bool nginxFront = false;
};
// The order of DEPLOY.md's steps.
enum class Phase {
    Tools,      // install the CLIs
    Resources,  // managed services, databases, storage to create first
    Secrets,    // secret values, with each platform's own command
    Backends,   // build and deploy containers and services
    Edge,       // deploy Workers and Pages
    Domains,    // DNS and custom domains
    Wiring,     // URLs between services, CORS, webhooks
    Migrations, // database migrations
    Verify,     // smoke checks
};

class Context
{
public:
    Context(const Project &project, const Option &option, const Catalogue &catalogue,
            std::vector<Finding> optionFindings);

    const Project &project;
    const Option &option;
    const Catalogue &catalogue;
    std::vector<Finding> findings;
    std::vector<Unit> units; // model order
    Bundle bundle;

    const Unit *unit(const QString &componentId) const;
    // Puts a component's files in another folder of the bundle (before any is written).
    void moveInto(const QString &componentId, const QString &dir);
    const std::vector<const Connection *> &outgoing(const QString &componentId) const;
    const std::vector<const Connection *> &incoming(const QString &componentId) const;
    // Units bound to `target` (and `kind`, when given), in model order.
    std::vector<const Unit *> unitsOf(const char *target, const char *kind = nullptr) const;

    // A file of the bundle and what it is for (DEPLOY.md's file table).
    void file(const QString &path, const QByteArray &bytes, const QString &purpose,
              bool executable = false);
    void gap(const QString &subject, const QString &text);
    void assume(const QString &subject, const QString &text);
    void step(Phase phase, const QString &subject, const QString &text);

    // How a connection is carried by the bundle ("route /api/* in proxy/src/index.ts").
    void wire(const QString &connectionId, const QString &how);
    // A workload setting carried into a file, or one that does not apply to the target.
    void expressed(const QString &componentId, const QString &setting);
    void notApplicable(const QString &componentId, const QString &setting, const QString &why);
    // A component a writer could not export at all (its gap says why): its settings are not
    // listed one by one.
    void skip(const QString &componentId) { m_skipped.insert(componentId); }

    // Environment of a component with valid names (renames are noted once), after the
    // exporter's own fill-ins (CORS origins).
    const std::vector<EnvEntry> &env(const QString &componentId);
    // A variable a target needs that the model does not list (a database image's password).
    void addEnv(const QString &componentId, const EnvEntry &entry);
    // The public https URL of a unit (its domain, else its platform's predictable default), or
    // empty when it is only known after deploying.
    QString publicUrl(const Unit &u) const;
    // A resource name for a component on a platform with DNS-label naming rules.
    QString resourceName(const Unit &u, int maxLength = 63) const;

    // After every writer ran: gaps for unwired connections and unexpressed settings.
    void finish();

    struct FileDoc {
        QString path;
        QString purpose;
    };
    std::vector<FileDoc> fileDocs;
    struct StepDoc {
        Phase phase;
        QString subject;
        QString text;
    };
    std::vector<StepDoc> steps;
    std::map<QString, QStringList> wiring; // connection id → how
    std::map<QString, std::map<QString, QString>> settings; // component → setting → "" or why
    std::map<QString, Image> images;                 // written once per component

private:
    void describeUntargeted();
    bool firstTime(int kind, const QString &subject, const QString &text);
    void fillCorsOrigins(const QString &componentId, std::vector<EnvEntry> &vars);
    QHash<QString, int> m_unitIndex;
    QSet<QString> m_noted; // notes and steps already recorded
    QSet<QString> m_skipped;
    QHash<QString, std::vector<const Connection *>> m_out;
    QHash<QString, std::vector<const Connection *>> m_in;
    std::map<QString, std::vector<EnvEntry>> m_env;
};

// Target writers (one file each).
void writeWrangler(Context &ctx);
void writeCloudRun(Context &ctx);
void writeFly(Context &ctx);
void writeRender(Context &ctx);
void writeRailway(Context &ctx);
void writeCompose(Context &ctx);
void writePlainImages(Context &ctx);
void writeDeployDoc(Context &ctx);
void writeEnvExample(Context &ctx);

Image writeImage(Context &ctx, const Unit &u, const ImageOptions &options);
// Languages Stackplan writes images for, and the "nginx + app" monolith.
bool runsPython(const Component &c);
bool runsNode(const Component &c);
bool hasNginxFront(const Component &c);
// The port a component listens on (its workload port, else the start command's, else the
// default of its framework) and whether that was assumed.
int servicePort(Context &ctx, const Unit &u);

} // namespace stackplan::exporter
