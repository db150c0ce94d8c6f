#include "rules/findingjson.h"

#include "io/jsonlocator.h"
#include "model/project.h"
#include "rules/validate.h"

#include <cmath>

namespace stackplan {

using ojson = nlohmann::ordered_json;

namespace {

std::string s(const QString &q)
{
    return q.toStdString();
}

ojson num(double v)
{
    if (std::floor(v) == v && std::fabs(v) < 9.0e15)
        return ojson(static_cast<std::int64_t>(v));
    return ojson(v);
}

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
    o["rule"] = s(f.rule);
    o["severity"] = s(severityId(f.severity));
    o["option"] = s(f.option);
    ojson subjects = ojson::array();
    for (const auto &id : f.subjects)
        subjects.push_back(s(id));
    o["subjects"] = std::move(subjects);
    o["message"] = s(f.message);
    o["actual"] = f.actual ? num(*f.actual) : ojson(nullptr);
    o["limit"] = f.limit ? num(*f.limit) : ojson(nullptr);
    o["unit"] = f.unit.isEmpty() ? ojson(nullptr) : ojson(s(f.unit));
    o["source"] = f.source.isEmpty() ? ojson(nullptr) : ojson(s(f.source));
    o["checked"] = f.checked.isValid() ? ojson(s(f.checked.toString(Qt::ISODate))) : ojson(nullptr);
    ojson fixes = ojson::array();
    for (const auto &fix : f.fixes)
        fixes.push_back(s(fix.label));
    o["fixes"] = std::move(fixes);
    return o;
}

ojson findingsToJson(const std::vector<Finding> &findings, const Project &project,
                     const QStringList &optionIds, const QString &file)
{
    ojson o = ojson::object();
    o["format"] = "stackplan-findings";
    o["version"] = 1;
    o["file"] = s(file);
    o["project"] = s(project.name);
    ojson options = ojson::array();
    for (const auto &id : optionIds)
        options.push_back(s(id));
    o["options"] = std::move(options);
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
        result["ruleId"] = s(f.rule);
        if (const auto it = ruleIndex.find(f.rule); it != ruleIndex.end())
            result["ruleIndex"] = it->second;
        result["level"] = f.severity == Severity::Error     ? "error"
                          : f.severity == Severity::Warning ? "warning"
                                                            : "note";
        result["message"] = {{"text", s(f.message)}};
        // Locate the first subject in the project file: a component or a connection.
        int line = 1;
        const int optionIndex = project.optionIndex(f.option);
        if (optionIndex >= 0 && !f.subjects.isEmpty()) {
            const Option &o = project.options[optionIndex];
            std::vector<std::string> pointer;
            if (const int ci = o.componentIndex(f.subjects.first()); ci >= 0)
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
            = {{"artifactLocation", {{"uri", s(file)}}}, {"region", {{"startLine", line}}}};
        ojson logical = ojson::array();
        for (const auto &id : f.subjects)
            logical.push_back({{"name", s(id)},
                               {"fullyQualifiedName", s(f.option + QLatin1Char('/') + id)},
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
    driver["version"] = s(version);
    driver["informationUri"] = "https://stackplan.invalid/docs/validation";
    driver["rules"] = std::move(rules);
    ojson run = ojson::object();
    run["tool"] = {{"driver", std::move(driver)}};
    run["artifacts"] = ojson::array({{{"location", {{"uri", s(file)}}}}});
    run["results"] = std::move(results);
    ojson sarif = ojson::object();
    sarif["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    sarif["version"] = "2.1.0";
    sarif["runs"] = ojson::array({std::move(run)});
    return sarif;
}

} // namespace stackplan
