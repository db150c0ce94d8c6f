#pragma once

#include <QColor>
#include <QString>
#include <QStringList>

namespace stackplan {

// What a box and an arrow show, independent of where they are drawn (canvas, SVG, PNG, PDF).

enum class BadgeSeverity { None, Info, Warning, Error };

struct BoxVisual {
    QString name;
    QString roleId;
    QString roleLabel;
    QString bindingLine; // "<profile name> · <plan id>", or "unbound"
    QColor accent;       // vendor colour, or invalid when unbound
    BadgeSeverity badge = BadgeSeverity::None;
    int badgeCount = 0;
    bool selected = false;
    bool pinned = false;
    bool operator==(const BoxVisual &) const = default;
};

struct ConnectionVisual {
    QString label; // protocol (+ via, pooled)
    BadgeSeverity badge = BadgeSeverity::None;
    int badgeCount = 0;
    bool selected = false;
    bool operator==(const ConnectionVisual &) const = default;
};

} // namespace stackplan
