#pragma once

#include <QDir>
#include <QWidget>

// Saves a grab of `w` as NAME.png into $STACKPLAN_SCREENSHOT_DIR when it is set, so the
// visible result of a GUI test can be looked at.
inline void saveScreenshot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("STACKPLAN_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    w->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}
