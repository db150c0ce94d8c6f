#pragma once

#include "render/style.h"

#include <QDBusVariant>
#include <QObject>
#include <QPalette>

namespace stackplan {

// Light or dark: the user's choice (View → Theme, kept in QSettings) or, by default, the
// system's colour scheme: the desktop portal's org.freedesktop.appearance color-scheme where
// there is one (followed live), else the platform palette the application started with. Applies
// a matching application palette and reports the theme, so the canvas, charts and thumbnails
// follow it too.
class Appearance : public QObject
{
    Q_OBJECT
public:
    enum class Mode { System, Light, Dark };

    explicit Appearance(QObject *parent = nullptr);

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    Theme theme() const { return m_theme; }
    // The scheme the system asks for (portal, else the starting palette).
    Theme systemTheme() const;

    static QPalette darkPalette();
    static QString modeId(Mode mode);
    static Mode modeFromId(const QString &id);

signals:
    void themeChanged(stackplan::Theme theme);

private slots:
    void portalSettingChanged(const QString &group, const QString &key, const QDBusVariant &value);

private:
    void apply();

    Mode m_mode = Mode::System;
    Theme m_theme = Theme::Light;
    int m_portalScheme = 0; // 0 no preference, 1 dark, 2 light
    QPalette m_startPalette;
};

} // namespace stackplan
