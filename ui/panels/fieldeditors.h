#pragma once

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QWidget>

#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QToolButton;

namespace stackplan {

// Small editors shared by the inspector pages. Each shows one value or, for a multi-selection
// whose elements differ, a "mixed" state, and reports edits by the user only: setting a value
// from the model never emits, and setting the value the editor already shows leaves the text and
// cursor alone, so typing is never interrupted by the model echoing the edit back.

// A titled group of form rows that folds away by clicking its header.
class Section : public QWidget
{
    Q_OBJECT
public:
    explicit Section(const QString &title, QWidget *parent = nullptr);
    QFormLayout *form() const { return m_form; }
    QToolButton *header() const { return m_header; }
    bool isExpanded() const;
    void setExpanded(bool expanded);
    // Gives the label columns of several sections one width, so their fields line up.
    static void alignLabels(const QList<Section *> &sections);

private:
    QToolButton *m_header;
    QWidget *m_body;
    QFormLayout *m_form;
};

// An optional number (empty = not set) with a unit, and a hint line under it for the limit of
// the bound plan that constrains it. Negative or malformed input is marked and not reported.
class NumberField : public QWidget
{
    Q_OBJECT
public:
    NumberField(const QString &unit, bool integer, QWidget *parent = nullptr);

    QLineEdit *lineEdit() const { return m_edit; }
    QLabel *hintLabel() const { return m_hint; }
    void setValue(std::optional<double> value);
    void setMixed();
    // Accepted range; values outside it are marked and not reported.
    void setRange(double minimum, double maximum);
    // Parsed text; nullopt for empty. `ok` is false for text that is not a number >= 0.
    std::optional<double> value(bool *ok = nullptr) const;
    enum class HintLevel { Neutral, Warning, Exceeded };
    void setHint(const QString &text, HintLevel level, const QString &toolTip = {});
    void clearHint();

signals:
    void valueEdited(std::optional<double> value);

private:
    void setInvalid(bool invalid);

    QLineEdit *m_edit;
    QLabel *m_unit;
    QLabel *m_hint;
    bool m_integer;
    double m_minimum = 0;
    double m_maximum;
};

// A plain text field (single line) with the same mixed/no-echo behaviour.
class TextField : public QLineEdit
{
    Q_OBJECT
public:
    explicit TextField(QWidget *parent = nullptr);
    void setValue(const QString &value);
    void setMixed();
};

// A list of strings, one per line. In package mode a pasted requirements.txt or package.json is
// turned into package names, and typed lines are read as requirements.
class ListField : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit ListField(bool packages, QWidget *parent = nullptr);
    QStringList list() const;
    void setList(const QStringList &list);
    void setMixed();
    QSize sizeHint() const override;

signals:
    void listEdited(const QStringList &list);

protected:
    void insertFromMimeData(const QMimeData *source) override;

private:
    bool m_packages;
    bool m_setting = false;
};

// Formats a model number for an editor: "300000", "0.3", "2.5".
QString editableNumber(double value);

// Sets a combo box's items (text, data) only if they differ from what it shows, so a refresh
// from the model never rebuilds a combo box while it is emitting its own change. Returns false
// if the items differ but `combo` is `busy` (the one being changed by the user right now).
bool setComboItems(QComboBox *combo, const QList<std::pair<QString, QString>> &items,
                   const QComboBox *busy = nullptr);

} // namespace stackplan
