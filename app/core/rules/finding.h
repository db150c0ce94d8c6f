#pragma once

#include "editor/edit.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace stackplan {

enum class Severity { Info = 0, Warning = 1, Error = 2 };

QString severityId(Severity s); // "info", "warning", "error"

// A concrete edit that resolves a finding ("Bind to … / plan", "Add a Durable Object",
// "Switch to the paid plan"). The GUI applies it as one undoable command.
struct Fix {
    QString label;
    Edit edit;
};

// One problem found by validation: a value, sortable and comparable, never stored by views.
struct Finding {
    QString rule; // stable id, e.g. "limit.memory"
    Severity severity = Severity::Error;
    QString option;       // option id
    QStringList subjects; // component or connection ids it concerns
    QString message;      // one line, with the actual value, the limit and the unit
    std::optional<double> actual;
    std::optional<double> limit;
    QString unit;
    QString source; // the profile fact's source URL
    QDate checked;  // and its checked date
    std::vector<Fix> fixes;

    // Identity of a finding (not its fixes): used for sorting, comparing and de-duplication.
    bool operator==(const Finding &o) const;
    bool operator<(const Finding &o) const;
};

struct RuleInfo {
    const char *id;
    Severity severity; // the usual severity; some findings of a rule are milder
    const char *title;
    const char *explanation;
};

// Every rule id with its explanation (`stackplan rules`, docs/rules.md).
const std::vector<RuleInfo> &ruleCatalogue();
const RuleInfo *ruleInfo(const QString &id);

} // namespace stackplan
