#include "util/format.h"

#include <cmath>

namespace stackplan {

namespace {

QString groupThousands(const QString &digits)
{
    QString out;
    const int n = int(digits.size());
    for (int i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0)
            out += QLatin1Char(',');
        out += digits[i];
    }
    return out;
}

} // namespace

QString formatNumber(double value, int maxDecimals)
{
    if (!std::isfinite(value))
        return QStringLiteral("?");
    const bool negative = value < 0;
    value = std::fabs(value);
    QString text = QString::number(value, 'f', maxDecimals);
    if (text.contains(QLatin1Char('.'))) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
    }
    if (text == QLatin1String("0") && value > 0)
        text = QString::number(value, 'g', 3); // tiny values: keep them visible
    const int dot = int(text.indexOf(QLatin1Char('.')));
    QString intPart = dot < 0 ? text : text.left(dot);
    const QString frac = dot < 0 ? QString() : text.mid(dot);
    if (!intPart.contains(QLatin1Char('e')))
        intPart = groupThousands(intPart);
    return (negative ? QStringLiteral("-") : QString()) + intPart + frac;
}

QString formatMoney(double usd)
{
    if (!std::isfinite(usd))
        return QStringLiteral("?");
    const bool negative = usd < 0;
    const double a = std::fabs(usd);
    QString body;
    if (a != 0 && a < 0.01) {
        body = formatNumber(a, 10);
    } else {
        const QString fixed = QString::number(a, 'f', 2);
        const int dot = int(fixed.indexOf(QLatin1Char('.')));
        body = groupThousands(fixed.left(dot)) + fixed.mid(dot);
    }
    return (negative ? QStringLiteral("-$") : QStringLiteral("$")) + body;
}

QString formatPrice(double usd)
{
    if (!std::isfinite(usd))
        return QStringLiteral("?");
    const double cents = std::round(usd * 100) / 100;
    if (std::fabs(usd - cents) < 1e-12)
        return formatMoney(usd);
    return (usd < 0 ? QStringLiteral("-$") : QStringLiteral("$"))
           + formatNumber(std::fabs(usd), 10);
}

QDate today()
{
    const QByteArray forced = qgetenv("STACKPLAN_TODAY");
    if (!forced.isEmpty()) {
        const QDate d = QDate::fromString(QString::fromLatin1(forced), Qt::ISODate);
        if (d.isValid())
            return d;
    }
    return QDate::currentDate();
}

QString escapeControls(const QString &text)
{
    auto needs = [](char16_t c) {
        return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x200E || c == 0x200F
               || (c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    };
    qsizetype i = 0;
    while (i < text.size() && !needs(text[i].unicode()))
        ++i;
    if (i == text.size())
        return text;
    QString out = text.left(i);
    for (; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (!needs(c)) {
            out += text[i];
            continue;
        }
        switch (c) {
        case '\n': out += QLatin1String("\\n"); break;
        case '\t': out += QLatin1String("\\t"); break;
        case '\r': out += QLatin1String("\\r"); break;
        default:
            if (c < 0x100)
                out += QStringLiteral("\\x%1").arg(int(c), 2, 16, QLatin1Char('0'));
            else
                out += QStringLiteral("\\u%1").arg(int(c), 4, 16, QLatin1Char('0'));
        }
    }
    return out;
}

} // namespace stackplan
