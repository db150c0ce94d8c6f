#pragma once

#include "model/project.h"

#include <QWidget>

#include <functional>

class QCheckBox;
class QLineEdit;
class QPlainTextEdit;

namespace stackplan {

class Document;
class NumberField;
class Section;
class TextField;

// Shown when nothing is selected: the project (name, description), its assumptions (traffic
// levels as multipliers, monthly budget, SLO targets: p50 and p95 latency, availability) and the
// option being viewed (name, description, baseline). Edits go through op::SetProjectInfo and
// op::UpdateOptionInfo; typing in one field merges into one undo step.
class ProjectInspector : public QWidget
{
    Q_OBJECT
public:
    explicit ProjectInspector(Document *document, QWidget *parent = nullptr);
    void refresh();

    TextField *projectName() const { return m_name; }
    NumberField *field(const QString &key) const;
    TextField *optionName() const { return m_optionName; }
    QCheckBox *baselineBox() const { return m_baseline; }

private:
    NumberField *addNumber(Section *s, const QString &key, const QString &label,
                           const QString &unit,
                           std::function<std::optional<double>(const Assumptions &)> get,
                           std::function<bool(Assumptions &, std::optional<double>)> set);
    void applyProject(const QString &key, const std::function<void(Project &)> &f);

    Document *m_document;
    bool m_loading = false;
    TextField *m_name;
    QPlainTextEdit *m_description;
    TextField *m_optionName;
    QPlainTextEdit *m_optionDescription;
    QCheckBox *m_baseline;
    std::vector<std::pair<QString, NumberField *>> m_numbers;
    std::vector<std::function<void()>> m_loaders;
};

} // namespace stackplan
