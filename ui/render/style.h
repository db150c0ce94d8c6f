#pragma once

#include "render/visuals.h"

#include <QColor>
#include <QFont>
#include <QString>

#include <optional>

class QPainter;
class QRectF;

namespace stackplan {

enum class Theme { Light, Dark };

std::optional<Theme> themeFromId(const QString &id); // "light", "dark"
QString themeId(Theme theme);

// The look of a diagram in one place: palette, fonts, severity colours and role icons. The canvas
// and every export read it, so a new theme or a font change is made here and nowhere else.
struct DiagramStyle {
    Theme theme = Theme::Light;
    QColor background;
    QColor boxFill;
    QColor boxBorder;
    QColor text;
    QColor muted;
    QColor selection;
    QColor connection;
    QColor labelFill;
    QColor labelBorder;
    QColor badgeText;
    QColor iconStroke; // role icons are drawn in these two colours
    QColor iconFill;
    QColor grid; // canvas background grid

    // Box names: `step` 1 to 3 are the smaller sizes tried for names wrapped onto more lines.
    QFont nameFont(int step = 0) const;
    QFont detailFont() const;
    QFont labelFont() const;
    QFont badgeFont() const;
    QFont legendFont(bool bold = false) const;
    QColor severity(BadgeSeverity s) const;
    // Draws the icon of a role (":/icons/roles/<roleId>.svg") recoloured for this theme.
    void paintRoleIcon(QPainter *p, const QRectF &rect, const QString &roleId) const;

    static const DiagramStyle &of(Theme theme);
};

} // namespace stackplan
