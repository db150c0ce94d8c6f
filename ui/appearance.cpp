#include "appearance.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusInterface>
#include <QDBusReply>
#include <QDBusVariant>
#include <QSettings>
#include <QStyle>

namespace stackplan {

namespace {

constexpr char kModeKey[] = "appearance/theme";
const QString kPortalService = QStringLiteral("org.freedesktop.portal.Desktop");
const QString kPortalPath = QStringLiteral("/org/freedesktop/portal/desktop");
const QString kPortalInterface = QStringLiteral("org.freedesktop.portal.Settings");

int schemeOf(const QVariant &v)
{
    // The portal wraps the value in one or two variants depending on the version.
    QVariant value = v;
    while (value.canConvert<QDBusVariant>())
        value = value.value<QDBusVariant>().variant();
    return value.toInt();
}

} // namespace

Appearance::Appearance(QObject *parent) : QObject(parent), m_startPalette(QApplication::palette())
{
    m_mode = modeFromId(QSettings().value(QLatin1String(kModeKey)).toString());
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        QDBusInterface portal(kPortalService, kPortalPath, kPortalInterface, bus);
        portal.setTimeout(500);
        const QDBusMessage reply = portal.call(QStringLiteral("Read"),
                                               QStringLiteral("org.freedesktop.appearance"),
                                               QStringLiteral("color-scheme"));
        if (reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty())
            m_portalScheme = schemeOf(reply.arguments().constFirst());
        bus.connect(kPortalService, kPortalPath, kPortalInterface,
                    QStringLiteral("SettingChanged"), this,
                    SLOT(portalSettingChanged(QString, QString, QDBusVariant)));
    }
    apply();
}

void Appearance::portalSettingChanged(const QString &group, const QString &key,
                                      const QDBusVariant &value)
{
    if (group != QLatin1String("org.freedesktop.appearance")
        || key != QLatin1String("color-scheme"))
        return;
    m_portalScheme = schemeOf(value.variant());
    apply();
}

Theme Appearance::systemTheme() const
{
    if (m_portalScheme == 1)
        return Theme::Dark;
    if (m_portalScheme == 2)
        return Theme::Light;
    return m_startPalette.color(QPalette::Window).lightness() < 128 ? Theme::Dark : Theme::Light;
}

void Appearance::setMode(Mode mode)
{
    m_mode = mode;
    QSettings().setValue(QLatin1String(kModeKey), modeId(mode));
    apply();
}

void Appearance::apply()
{
    const Theme theme = m_mode == Mode::Dark    ? Theme::Dark
                        : m_mode == Mode::Light ? Theme::Light
                                                : systemTheme();
    const bool startDark = m_startPalette.color(QPalette::Window).lightness() < 128;
    if (theme == Theme::Dark)
        QApplication::setPalette(startDark ? m_startPalette : darkPalette());
    else
        QApplication::setPalette(startDark ? QApplication::style()->standardPalette()
                                           : m_startPalette);
    const bool changed = theme != m_theme;
    m_theme = theme;
    if (changed)
        emit themeChanged(theme);
}

QPalette Appearance::darkPalette()
{
    QPalette p;
    const QColor window(0x26, 0x2b, 0x30), base(0x1c, 0x22, 0x26), text(0xec, 0xef, 0xf1);
    const QColor disabled(0x78, 0x86, 0x8e), highlight(0x42, 0x8b, 0xd8);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x2a, 0x31, 0x36));
    p.setColor(QPalette::ToolTipBase, QColor(0x37, 0x47, 0x4f));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x2f, 0x36, 0x3c));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x8a, 0x80));
    p.setColor(QPalette::Light, QColor(0x3c, 0x45, 0x4c));
    p.setColor(QPalette::Midlight, QColor(0x33, 0x3b, 0x41));
    p.setColor(QPalette::Mid, QColor(0x22, 0x27, 0x2b));
    p.setColor(QPalette::Dark, QColor(0x16, 0x1a, 0x1d));
    p.setColor(QPalette::Shadow, QColor(0x0c, 0x0e, 0x10));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Link, QColor(0x64, 0xb5, 0xf6));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xdb));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

QString Appearance::modeId(Mode mode)
{
    switch (mode) {
    case Mode::Light:
        return QStringLiteral("light");
    case Mode::Dark:
        return QStringLiteral("dark");
    case Mode::System:
        break;
    }
    return QStringLiteral("system");
}

Appearance::Mode Appearance::modeFromId(const QString &id)
{
    if (id == QLatin1String("light"))
        return Mode::Light;
    if (id == QLatin1String("dark"))
        return Mode::Dark;
    return Mode::System;
}

} // namespace stackplan
