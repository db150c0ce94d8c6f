#include "rules/findingjson.h"

#include "io/jsonlocator.h"
#include "io/jsonwrite.h"
#include "model/project.h"
#include "rules/validate.h"

#include <QUrl>

namespace stackplan {

using namespace jsonwrite;

namespace {

ojson countsJson(const FindingCounts &c)
{
    ojson o = ojson::object();
    o["errors"] = c.errors;
    o["warnings"] = c.warnings;
    o["infos"] = c.infos;
    return o;
}

} // namespace

ojson findingToJson(const Finding &f)
{
    ojson o = ojson::object();
    o["rule"] = str(f.rule);
    o["severity"] = str(severityId(f.severity));
    o["option"] = str(f.option);
    o["subjects"] = strings(f.subjects);
    o["message"] = str(f.message);
    o["actual"] = num(f.actual);
    o["limit"] = num(f.limit);
    o["unit"] = f.unit.isEmpty() ? ojson(nullptr) : ojson(str(f.unit));
    o["source"] = f.source.isEmpty() ? ojson(nullptr) : ojson(str(f.source));
    o["checked"]
        = f.checked.isValid() ? ojson(str(f.checked.toString(Qt::ISODate))) : ojson(nullptr);
    ojson fixes = ojson::array();
    for (const auto &fix : f.fixes)
        fixes.push_back(str(fix.label));
    o["fixes"] = std::move(fixes);
    return o;
}

ojson findingsToJson(const std::vector<Finding> &findings, const Project &project,
                     const QStringList &optionIds, const QString &file)
{
    ojson o = ojson::object();
    o["format"] = "stackplan-findings";
    o["version"] = 1;
    o["file"] = str(file);
    o["project"] = str(project.name);
    o["options"] = strings(optionIds);
    o["counts"] = countsJson(countFindings(findings));
    ojson list = ojson::array();
    for (const auto &f : findings)
        list.push_back(findingToJson(f));
    o["findings"] = std::move(list);
    return o;
}

ojson findingsToSarif(const std::vector<Finding> &findings, const Project &project,
                      const QString &file, const QByteArray &fileText, const QString &version)
{
    const std::string_view text(fileText.constData(), size_t(fileText.size()));
    // A SARIF uri is a URI reference: spaces, %, #, ? and non-ASCII bytes percent-encoded.
    const std::string uri = QUrl::toPercentEncoding(file, "/").toStdString();
    ojson rules = ojson::array();
    std::map<QString, int> ruleIndex;
    for (const auto &r : ruleCatalogue()) {
        ruleIndex[QString::fromLatin1(r.id)] = int(rules.size());
        ojson rule = ojson::object();
        rule["id"] = r.id;
        rule["name"] = r.title;
        rule["shortDescription"] = {{"text", r.title}};
        rule["fullDescription"] = {{"text", r.explanation}};
        rule["defaultConfiguration"] = {{"level", r.severity == Severity::Error     ? "error"
                                                  : r.severity == Severity::Warning ? "warning"
                                                                                    : "note"}};
        rules.push_back(std::move(rule));
    }
    ojson results = ojson::array();
    for (const auto &f : findings) {
        ojson result = ojson::object();
        result["ruleId"] = str(f.rule);
        if (const auto it = ruleIndex.find(f.rule); it != ruleIndex.end())
            result["ruleIndex"] = it->second;
        result["level"] = f.severity == Severity::Error     ? "error"
                          : f.severity == Severity::Warning ? "warning"
                                                            : "note";
        result["message"] = {{"text", str(f.message)}};
        // Locate the first subject in the project file: a component or a connection; a finding
        // about the whole option (e.g. its budget) points at the option.
        int line = 1;
        const int optionIndex = project.optionIndex(f.option);
        if (optionIndex >= 0) {
            const Option &o = project.options[optionIndex];
            std::vector<std::string> pointer;
            if (f.subjects.isEmpty())
                pointer = {"options", std::to_string(optionIndex)};
            else if (const int ci = o.componentIndex(f.subjects.first()); ci >= 0)
                pointer
                    = {"options", std::to_string(optionIndex), "components", std::to_string(ci)};
            else if (const int ni = o.connectionIndex(f.subjects.first()); ni >= 0)
                pointer
                    = {"options", std::to_string(optionIndex), "connections", std::to_string(ni)};
            if (!pointer.empty())
                if (const auto off = locateJsonPointer(text, pointer))
                    line = positionOfOffset(text, *off).line;
        }
        ojson location = ojson::object();
        location["physicalLocation"]
            = {{"artifactLocation", {{"uri", uri}}}, {"region", {{"startLine", line}}}};
        ojson logical = ojson::array();
        for (const auto &id : f.subjects)
            logical.push_back({{"name", str(id)},
                               {"fullyQualifiedName", str(f.option + QLatin1Char('/') + id)},
                               {"kind", "object"}});
        if (f.subjects.isEmpty())
            logical.push_back({{"name", str(f.option)},
                               {"fullyQualifiedName", str(f.option)},
                               {"kind", "object"}});
        location["logicalLocations"] = std::move(logical);
        result["locations"] = ojson::array({location});
        ojson props = findingToJson(f);
        props.erase("rule");
        props.erase("severity");
        props.erase("message");
        result["properties"] = std::move(props);
        results.push_back(std::move(result));
    }
    ojson driver = ojson::object();
    driver["name"] = "stackplan";
    driver["version"] = str(version);
    driver["informationUri"] = "https://stackplan.invalid/docs/validation";
    driver["rules"] = std::move(rules);
    ojson run = ojson::object();
    run["tool"] = {{"driver", std::move(driver)}};
    run["artifacts"] = ojson::array({{{"location", {{"uri", uri}}}}});
    run["results"] = std::move(results);
    ojson sarif = ojson::object();
    sarif["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    sarif["version"] = "2.1.0";
    sarif["runs"] = ojson::array({std::move(run)});
    return sarif;
}

} // namespace stackplan
