#include "panels/fieldeditors.h"

#include "panels/dependencylist.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMimeData>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace stackplan {

namespace {
const char *kMixed = QT_TRANSLATE_NOOP("stackplan::Inspector", "mixed");
QString mixedText()
{
    return QCoreApplication::translate("stackplan::Inspector", kMixed);
}
} // namespace

QString editableNumber(double value)
{
    return QString::number(value, 'g', 15);
}

bool setComboItems(QComboBox *combo, const QList<std::pair<QString, QString>> &items,
                   const QComboBox *busy)
{
    bool same = combo->count() == int(items.size());
    for (int i = 0; same && i < combo->count(); ++i)
        same = combo->itemText(i) == items[i].first
               && combo->itemData(i).toString() == items[i].second;
    if (same)
        return true;
    if (combo == busy)
        return false;
    combo->clear();
    for (const auto &[text, data] : items)
        combo->addItem(text, data);
    return true;
}

// ---- Section

Section::Section(const QString &title, QWidget *parent)
    : QWidget(parent), m_header(new QToolButton), m_body(new QWidget), m_form(new QFormLayout)
{
    m_header->setText(title);
    m_header->setCheckable(true);
    m_header->setChecked(true);
    m_header->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_header->setArrowType(Qt::DownArrow);
    m_header->setAutoRaise(true);
    m_header->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    QFont f = m_header->font();
    f.setBold(true);
    m_header->setFont(f);
    m_form->setContentsMargins(8, 2, 2, 8);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_body->setLayout(m_form);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    layout->addWidget(m_body);
    connect(m_header, &QToolButton::toggled, this, &Section::setExpanded);
}

void Section::alignLabels(const QList<Section *> &sections)
{
    int width = 0;
    QList<QWidget *> labels;
    for (Section *s : sections)
        for (int row = 0; row < s->form()->rowCount(); ++row)
            if (QLayoutItem *item = s->form()->itemAt(row, QFormLayout::LabelRole))
                if (QWidget *label = item->widget()) {
                    labels << label;
                    width = std::max(width, label->sizeHint().width());
                }
    for (QWidget *label : labels)
        label->setMinimumWidth(width);
}

bool Section::isExpanded() const
{
    return m_header->isChecked();
}

void Section::setExpanded(bool expanded)
{
    m_header->setChecked(expanded);
    m_header->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_body->setVisible(expanded);
}

// ---- NumberField

NumberField::NumberField(const QString &unit, bool integer, QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit)
    , m_unit(new QLabel(unit))
    , m_hint(new QLabel)
    , m_integer(integer)
    , m_maximum(integer ? 2147483647.0 : 1e300)
{
    m_edit->setPlaceholderText(tr("not set"));
    m_edit->setClearButtonEnabled(false);
    // One unit column for every field, so the fields of a form line up.
    m_unit->setFixedWidth(std::max(60, m_unit->fontMetrics().horizontalAdvance(unit) + 4));
    m_unit->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_hint->setVisible(false);
    m_hint->setWordWrap(true);
    QFont small = m_hint->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_hint->setFont(small);
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(6);
    row->addWidget(m_edit, 1);
    row->addWidget(m_unit);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(1);
    layout->addLayout(row);
    layout->addWidget(m_hint);
    setFocusProxy(m_edit);
    connect(m_edit, &QLineEdit::textEdited, this, [this] {
        bool ok = false;
        const auto v = value(&ok);
        setInvalid(!ok);
        if (ok)
            emit valueEdited(v);
    });
}

std::optional<double> NumberField::value(bool *ok) const
{
    QString text = m_edit->text().trimmed();
    text.remove(QLatin1Char('_')).remove(QLatin1Char(' '));
    if (ok)
        *ok = true;
    if (text.isEmpty())
        return std::nullopt;
    bool parsed = false;
    const double v = m_integer ? double(text.toLongLong(&parsed)) : text.toDouble(&parsed);
    if (!parsed || !std::isfinite(v) || v < m_minimum || v > m_maximum) {
        if (ok)
            *ok = false;
        return std::nullopt;
    }
    return v;
}

void NumberField::setValue(std::optional<double> v)
{
    m_edit->setPlaceholderText(tr("not set"));
    bool ok = false;
    const auto shown = value(&ok);
    if (ok && shown == v)
        return;
    m_edit->setText(v ? editableNumber(*v) : QString());
    setInvalid(false);
    if (!m_edit->hasFocus())
        m_edit->setCursorPosition(0);
}

void NumberField::setRange(double minimum, double maximum)
{
    m_minimum = minimum;
    m_maximum = maximum;
}

void NumberField::setMixed()
{
    m_edit->clear();
    m_edit->setPlaceholderText(mixedText());
    setInvalid(false);
}

void NumberField::setInvalid(bool invalid)
{
    m_edit->setStyleSheet(invalid ? QStringLiteral("QLineEdit { border: 1px solid #d32f2f; }")
                                  : QString());
    QString range = m_maximum < 1e299
                        ? tr("Enter a number from %1 to %2").arg(m_minimum).arg(m_maximum)
                        : tr("Enter a number of %1 or more").arg(m_minimum);
    if (m_integer)
        range = m_maximum < 2147483647.0
                    ? tr("Enter a whole number from %1 to %2").arg(m_minimum).arg(m_maximum)
                    : tr("Enter a whole number of %1 or more").arg(m_minimum);
    m_edit->setToolTip(invalid ? range : QString());
}

void NumberField::setHint(const QString &text, HintLevel level, const QString &toolTip)
{
    const char *color = level == HintLevel::Exceeded  ? "#c62828"
                        : level == HintLevel::Warning ? "#e65100"
                                                      : "#607d8b";
    m_hint->setStyleSheet(QStringLiteral("color: %1;").arg(QLatin1String(color)));
    m_hint->setText(text);
    m_hint->setToolTip(toolTip);
    m_hint->setVisible(true);
}

void NumberField::clearHint()
{
    m_hint->clear();
    m_hint->setVisible(false);
}

// ---- TextField

TextField::TextField(QWidget *parent) : QLineEdit(parent) {}

void TextField::setValue(const QString &value)
{
    setPlaceholderText(QString());
    if (text() != value) {
        setText(value);
        if (!hasFocus())
            setCursorPosition(0); // show the start of long names
    }
}

void TextField::setMixed()
{
    clear();
    setPlaceholderText(mixedText());
}

// ---- ListField

ListField::ListField(bool packages, QWidget *parent) : QPlainTextEdit(parent), m_packages(packages)
{
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_setting)
            emit listEdited(list());
    });
}

QStringList ListField::list() const
{
    const QString text = toPlainText();
    if (m_packages)
        return parseDependencyList(text);
    QStringList lines;
    for (const auto &line : text.split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty())
            lines << line.trimmed();
    return lines;
}

void ListField::setList(const QStringList &value)
{
    setPlaceholderText(m_packages ? tr("one per line, or paste requirements.txt / package.json")
                                  : tr("one per line"));
    if (list() == value && !(value.isEmpty() && !toPlainText().isEmpty()))
        return;
    m_setting = true;
    setPlainText(value.join(QLatin1Char('\n')));
    m_setting = false;
}

void ListField::setMixed()
{
    m_setting = true;
    clear();
    m_setting = false;
    setPlaceholderText(mixedText());
}

QSize ListField::sizeHint() const
{
    const int lines = std::clamp(int(blockCount()), 3, 8);
    return QSize(QPlainTextEdit::sizeHint().width(),
                 fontMetrics().lineSpacing() * lines + 2 * frameWidth() + 8);
}

void ListField::insertFromMimeData(const QMimeData *source)
{
    if (!m_packages || !source->hasText()) {
        QPlainTextEdit::insertFromMimeData(source);
        return;
    }
    const QStringList names = parseDependencyList(source->text());
    if (names.isEmpty()) {
        QPlainTextEdit::insertFromMimeData(source);
        return;
    }
    QTextCursor cursor = textCursor();
    QString text = names.join(QLatin1Char('\n'));
    if (cursor.positionInBlock() > 0)
        text.prepend(QLatin1Char('\n'));
    cursor.insertText(text);
    setTextCursor(cursor);
}

} // namespace stackplan
