#include "cli/cli_common.h"

#include "profiles/profilejson.h"
#include "util/format.h"

namespace stackplan::cli {

namespace {

QString factRef(const Fact &f, const QDate &today)
{
    QString text = QStringLiteral("[%1, checked %2").arg(safe(f.source), f.checked.toString(Qt::ISODate));
    if (f.isStale(today))
        text += QStringLiteral(", STALE");
    text += QLatin1Char(']');
    if (!f.note.isEmpty())
        text += QStringLiteral("\n        note: ") + safe(f.note);
    return text;
}

void printLimits(QTextStream &out, const Limits &limits, const QString &indent, const QDate &today)
{
    for (const auto &[key, l] : limits)
        out << indent << key.leftJustified(22) << ' ' << safe(describeLimit(key, l)) << "  "
            << factRef(l.fact, today) << '\n';
}

void printMeters(QTextStream &out, const std::vector<Meter> &meters, const QString &indent,
                 const QDate &today)
{
    for (const auto &m : meters)
        out << indent << safe(describeMeter(m)) << "  " << factRef(m.fact, today) << '\n';
}

void printProfile(QTextStream &out, const Profile &p, const QDate &today, const QString &replaces)
{
    out << safe(p.id) << ": " << safe(p.name) << " (" << safe(p.vendor) << ")\n";
    out << "  category: " << safe(p.category) << '\n';
    QStringList roles;
    for (const auto r : p.roles)
        roles << roleId(r);
    out << "  roles: " << roles.join(QStringLiteral(", ")) << '\n';
    out << "  docs: " << safe(p.docs) << '\n';
    out << "  account: " << safe(p.account) << '\n';
    out << "  origin: " << safe(p.origin) << '\n';
    if (!replaces.isEmpty())
        out << "  replaces: " << safe(replaces) << '\n';
    if (!p.description.isEmpty())
        out << "  " << safe(p.description) << '\n';
    for (const auto &n : p.notes)
        out << "  note: " << safe(n) << '\n';
    out << "\n  Capabilities\n";
    for (const auto &row : capabilityRows(p.capabilities))
        out << "    " << row.key.leftJustified(22) << ' ' << safe(row.value) << "  "
            << factRef(row.fact, today) << '\n';
    if (!p.limits.empty()) {
        out << "\n  Limits (all plans)\n";
        printLimits(out, p.limits, QStringLiteral("    "), today);
    }
    for (const auto &plan : p.plans) {
        out << "\n  Plan " << safe(plan.id) << ": " << safe(plan.name) << '\n';
        if (!plan.description.isEmpty())
            out << "    " << safe(plan.description) << '\n';
        if (plan.fee)
            out << "    fee: " << formatMoney(plan.fee->amount) << " per month per account ("
                << safe(plan.fee->key) << ")  " << factRef(plan.fee->fact, today) << '\n';
        if (!plan.requiredFees.isEmpty())
            out << "    requires: " << safe(plan.requiredFees.join(QStringLiteral(", "))) << '\n';
        if (plan.credits)
            out << "    credits: " << formatMoney(plan.credits->amount) << " per month against "
                << safe(plan.credits->appliesTo.join(QStringLiteral(", "))) << "  "
                << factRef(plan.credits->fact, today) << '\n';
        const auto caps = capabilityRows(plan.capabilities);
        if (!caps.empty()) {
            out << "    Capabilities\n";
            for (const auto &row : caps)
                out << "      " << row.key.leftJustified(20) << ' ' << safe(row.value) << "  "
                    << factRef(row.fact, today) << '\n';
        }
        if (!plan.limits.empty()) {
            out << "    Limits\n";
            printLimits(out, plan.limits, QStringLiteral("      "), today);
        }
        if (!plan.meters.empty()) {
            out << "    Prices\n";
            printMeters(out, plan.meters, QStringLiteral("      "), today);
        }
        for (const auto &inst : plan.instances) {
            out << "    Instance " << safe(inst.id);
            if (inst.name != inst.id)
                out << ": " << safe(inst.name);
            out << '\n';
            printLimits(out, inst.limits, QStringLiteral("      "), today);
            printMeters(out, inst.meters, QStringLiteral("      "), today);
        }
    }
}

} // namespace

int runProfiles(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "List platform profiles, or show every fact of one with its source and date."));
    parser.addPositionalArgument(QStringLiteral("show"),
                                 QStringLiteral("`show ID` prints one profile."),
                                 QStringLiteral("[show ID]"));
    parser.addOption({QStringLiteral("format"), QStringLiteral("Output format: text or json."),
                      QStringLiteral("format"), QStringLiteral("text")});
    addProfilesOption(parser);
    if (const auto rc = parseArgs(parser, args, out, err))
        return *rc;
    const auto chosen = chosenFormat(parser, {"text", "json"}, "profiles", err);
    if (!chosen)
        return 2;
    const QString format = *chosen;
    const QStringList pos = parser.positionalArguments();
    if (!(pos.isEmpty() || (pos.size() == 2 && pos[0] == QLatin1String("show")))) {
        err << "usage: stackplan profiles [show ID] [--format text|json]" << Qt::endl;
        return 2;
    }
    const Catalogue catalogue = loadCatalogue(parser);
    printCatalogueProblems(catalogue, err);
    const QDate now = today();
    const int rc = catalogue.hasErrors() ? 2 : 0;

    if (pos.size() == 2) {
        const Profile *p = catalogue.profile(pos[1]);
        if (!p) {
            err << "stackplan profiles: no profile \"" << safe(pos[1]) << "\"" << Qt::endl;
            return 2;
        }
        if (format == QLatin1String("json"))
            out << QString::fromStdString(profileToJson(*p, now).dump(2)) << '\n';
        else
            printProfile(out, *p, now, catalogue.replacedOrigin(p->id));
        out.flush();
        return rc;
    }

    if (format == QLatin1String("json")) {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const auto &p : catalogue.profiles()) {
            nlohmann::ordered_json e;
            e["id"] = p.id.toStdString();
            e["name"] = p.name.toStdString();
            e["vendor"] = p.vendor.toStdString();
            e["category"] = p.category.toStdString();
            nlohmann::ordered_json plans = nlohmann::ordered_json::array();
            for (const auto &plan : p.plans)
                plans.push_back(plan.id.toStdString());
            e["plans"] = plans;
            e["origin"] = p.origin.toStdString();
            if (const QString r = catalogue.replacedOrigin(p.id); !r.isEmpty())
                e["replaces"] = r.toStdString();
            list.push_back(e);
        }
        out << QString::fromStdString(list.dump(2)) << '\n';
        out.flush();
        return rc;
    }
    int idW = 2, nameW = 4, vendorW = 6;
    for (const auto &p : catalogue.profiles()) {
        idW = std::max(idW, int(safe(p.id).size()));
        nameW = std::max(nameW, int(safe(p.name).size()));
        vendorW = std::max(vendorW, int(safe(p.vendor).size()));
    }
    out << QStringLiteral("ID").leftJustified(idW) << "  "
        << QStringLiteral("NAME").leftJustified(nameW) << "  "
        << QStringLiteral("VENDOR").leftJustified(vendorW) << "  PLANS\n";
    for (const auto &p : catalogue.profiles()) {
        QStringList plans;
        for (const auto &plan : p.plans)
            plans << plan.id;
        out << safe(p.id).leftJustified(idW) << "  " << safe(p.name).leftJustified(nameW) << "  "
            << safe(p.vendor).leftJustified(vendorW) << "  " << safe(plans.join(QStringLiteral(", ")));
        const QString replaced = catalogue.replacedOrigin(p.id);
        if (!replaced.isEmpty())
            out << (isBundledOrigin(replaced) ? "  [replaces the bundled profile]"
                                              : "  [replaces another profile]");
        out << '\n';
    }
    out << catalogue.profiles().size() << " profiles\n";
    for (const auto &p : catalogue.profiles()) {
        const QString replaced = catalogue.replacedOrigin(p.id);
        if (!replaced.isEmpty())
            out << safe(p.origin) << " replaces " << safe(replaced) << '\n';
    }
    out.flush();
    return rc;
}

} // namespace stackplan::cli
