#pragma once

#include "model/project.h"

#include <QHash>
#include <QWidget>

#include <functional>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QTableWidget;
class QPushButton;

namespace stackplan {

class Document;
class ListField;
class NumberField;
class Section;
class TextField;

// Edits every field of the selected components, grouped (identity, platform binding with the
// plan's limits, runtime, workload, features, traffic, environment); folded sections are
// remembered (QSettings). With several components selected each field shows their common
// value or "mixed", and an edit applies to all of them in one undo step. Typing in one field
// merges into one step (merge key: option, selection, field). Numbers that a plan limits show
// that limit beside them, from the binding resolved through the catalogue.
class ComponentInspector : public QWidget
{
    Q_OBJECT
public:
    explicit ComponentInspector(Document *document, QWidget *parent = nullptr);

    void setComponents(const QStringList &ids);
    QStringList components() const { return m_ids; }
    // Re-reads the model; called on every change.
    void refresh();

    // The editor of a field, by key ("name", "memory", "profile", ...), for tests and focus.
    QWidget *field(const QString &key) const { return m_fields.value(key); }
    Section *section(const QString &key) const { return m_sections.value(key); }
    // Section keys top to bottom, as laid out.
    QStringList sectionOrder() const;
    // Unfolds the field's section and gives the field focus; returns the field, or null.
    QWidget *focusField(const QString &key);
    QTableWidget *environmentTable() const { return m_env; }

private:
    using Selection = std::vector<const Component *>;
    template<typename T>
    using Getter = std::function<T(const Component &)>;
    template<typename T>
    using Setter = std::function<void(Component &, const T &)>;

    Section *addSection(const QString &key, const QString &title);
    TextField *addText(Section *s, const QString &key, const QString &label, Getter<QString> get,
                       Setter<QString> set);
    NumberField *addNumber(Section *s, const QString &key, const QString &label,
                           const QString &unit, Getter<std::optional<double>> get,
                           Setter<std::optional<double>> set, const QString &limitKey = {});
    NumberField *addInteger(Section *s, const QString &key, const QString &label,
                            const QString &unit, Getter<std::optional<int>> get,
                            Setter<std::optional<int>> set, const QString &limitKey = {});
    QCheckBox *addFlag(Section *s, const QString &key, const QString &label, Getter<bool> get,
                       Setter<bool> set);
    QComboBox *addChoice(Section *s, const QString &key, const QString &label,
                         const QList<std::pair<QString, QString>> &items, Getter<QString> get,
                         Setter<QString> set);
    ListField *addList(Section *s, const QString &key, const QString &label, bool packages,
                       Getter<QStringList> get, Setter<QStringList> set);
    void buildEnvironment(Section *s);
    void buildBinding(Section *s);

    Selection selection() const;
    void apply(const QString &key, const QString &what, const std::function<void(Component &)> &f);
    void loadEnvironment(const Selection &sel);
    void loadBinding(const Selection &sel);
    void updateLimitHints(const Selection &sel);
    void applyEnvironmentTable();

    struct LimitHint {
        QString key;
        NumberField *field;
        Getter<std::optional<double>> value;
    };

    Document *m_document;
    QStringList m_ids;
    bool m_loading = false;
    QHash<QString, QWidget *> m_fields;
    QHash<QString, Section *> m_sections;
    std::vector<std::function<void(const Selection &)>> m_loaders;
    std::vector<LimitHint> m_limitHints;
    QLabel *m_idLabel = nullptr;
    QTableWidget *m_env = nullptr;
    QPushButton *m_envAdd = nullptr;
    QPushButton *m_envRemove = nullptr;
    QLabel *m_envNote = nullptr;
    QComboBox *m_profile = nullptr;
    QComboBox *m_plan = nullptr;
    QComboBox *m_instance = nullptr;
    QComboBox *m_busy = nullptr; // the binding combo box whose change is being applied
    QLabel *m_bindingNote = nullptr;
    QLabel *m_limitsSummary = nullptr; // the bound plan's limits, under the binding
};

} // namespace stackplan
