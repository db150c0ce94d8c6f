#include "render/style.h"

#include <QFile>
#include <QHash>
#include <QPainter>
#include <QSvgRenderer>

#include <memory>

namespace stackplan {

std::optional<Theme> themeFromId(const QString &id)
{
    if (id == QLatin1String("light"))
        return Theme::Light;
    if (id == QLatin1String("dark"))
        return Theme::Dark;
    return std::nullopt;
}

QString themeId(Theme theme)
{
    return theme == Theme::Dark ? QStringLiteral("dark") : QStringLiteral("light");
}

namespace {

// Sizes in pixels, i.e. diagram units: a point size would scale with each device's resolution
// (72 dpi for SVG, 96 on screen, 1200 for PDF) and text would no longer fit its box the same way.
QFont font(int pixelSize, bool bold = false)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(pixelSize);
    f.setBold(bold);
    return f;
}

DiagramStyle makeLight()
{
    DiagramStyle s;
    s.theme = Theme::Light;
    s.background = QColor(0xff, 0xff, 0xff);
    s.boxFill = QColor(0xff, 0xff, 0xff);
    s.boxBorder = QColor(0xb0, 0xbe, 0xc5);
    s.text = QColor(0x26, 0x32, 0x38);
    s.muted = QColor(0x60, 0x7d, 0x8b);
    s.selection = QColor(0x1e, 0x88, 0xe5);
    s.connection = QColor(0x54, 0x6e, 0x7a);
    s.labelFill = QColor(0xfa, 0xfa, 0xfa);
    s.labelBorder = QColor(0xb0, 0xbe, 0xc5);
    s.badgeText = QColor(0xff, 0xff, 0xff);
    s.iconStroke = QColor(0x37, 0x47, 0x4f);
    s.iconFill = QColor(0xec, 0xef, 0xf1);
    s.grid = QColor(0xe3, 0xe8, 0xeb);
    return s;
}

DiagramStyle makeDark()
{
    DiagramStyle s;
    s.theme = Theme::Dark;
    s.background = QColor(0x1c, 0x22, 0x26);
    s.boxFill = QColor(0x2a, 0x33, 0x39);
    s.boxBorder = QColor(0x4f, 0x5e, 0x66);
    s.text = QColor(0xec, 0xef, 0xf1);
    s.muted = QColor(0x9e, 0xb2, 0xbc);
    s.selection = QColor(0x64, 0xb5, 0xf6);
    s.connection = QColor(0x9e, 0xb2, 0xbc);
    s.labelFill = QColor(0x26, 0x32, 0x38);
    s.labelBorder = QColor(0x54, 0x6e, 0x7a);
    s.badgeText = QColor(0xff, 0xff, 0xff);
    s.iconStroke = QColor(0xcf, 0xd8, 0xdc);
    s.iconFill = QColor(0x3b, 0x4a, 0x52);
    s.grid = QColor(0x2c, 0x35, 0x3b);
    return s;
}

// The role icons are drawn with a stroke colour, a fill colour and white; a theme swaps them.
std::shared_ptr<QSvgRenderer> iconRenderer(const DiagramStyle &style, const QString &roleId)
{
    static QHash<QString, std::shared_ptr<QSvgRenderer>> cache;
    const QString key = themeId(style.theme) + QLatin1Char('/') + roleId;
    auto &renderer = cache[key];
    if (!renderer) {
        QFile file(QStringLiteral(":/icons/roles/%1.svg").arg(roleId));
        QByteArray svg = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        if (style.theme != Theme::Light) {
            svg.replace("#37474f", style.iconStroke.name().toLatin1());
            svg.replace("#eceff1", style.iconFill.name().toLatin1());
            svg.replace("#ffffff", style.boxFill.name().toLatin1());
        }
        renderer = std::make_shared<QSvgRenderer>(svg);
    }
    return renderer;
}

} // namespace

QFont DiagramStyle::nameFont(int step) const
{
    return font(13 - step, true);
}

QFont DiagramStyle::detailFont() const
{
    return font(10);
}

QFont DiagramStyle::labelFont() const
{
    return font(10);
}

QFont DiagramStyle::badgeFont() const
{
    return font(10, true);
}

QFont DiagramStyle::legendFont(bool bold) const
{
    return font(11, bold);
}

QColor DiagramStyle::severity(BadgeSeverity s) const
{
    switch (s) {
    case BadgeSeverity::Error:
        return QColor(0xd3, 0x2f, 0x2f);
    case BadgeSeverity::Warning:
        return QColor(0xf5, 0x7c, 0x00);
    case BadgeSeverity::Info:
        return QColor(0x19, 0x76, 0xd2);
    case BadgeSeverity::None:
        break;
    }
    return muted;
}

void DiagramStyle::paintRoleIcon(QPainter *p, const QRectF &rect, const QString &roleId) const
{
    const auto renderer = iconRenderer(*this, roleId);
    if (renderer->isValid())
        renderer->render(p, rect);
}

const DiagramStyle &DiagramStyle::of(Theme theme)
{
    static const DiagramStyle light = makeLight();
    static const DiagramStyle dark = makeDark();
    return theme == Theme::Dark ? dark : light;
}

} // namespace stackplan
