#include "welcomepage.h"

#include "io/projectfile.h"
#include "recentfiles.h"
#include "render/diagram.h"

#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QVBoxLayout>

namespace stackplan {

namespace {

bool darkPalette(const QWidget *w)
{
    return w->palette().color(QPalette::Window).lightness() < 128;
}

QPixmap thumbnail(const Project &project, const Catalogue *catalogue, Theme theme, qreal dpr)
{
    DiagramOptions options;
    options.badges = false;
    options.theme = theme;
    const Diagram d = buildDiagram(project, project.baseline, catalogue, {}, options);
    QImage image(WelcomePage::kThumbnailSize * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(DiagramStyle::of(theme).background);
    QPainter p(&image);
    p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing
                     | QPainter::SmoothPixmapTransform);
    paintDiagram(&p, d, QRectF(QPointF(6, 6), QSizeF(WelcomePage::kThumbnailSize) - QSizeF(12, 12)));
    p.end();
    return QPixmap::fromImage(image);
}

QLabel *heading(const QString &text)
{
    auto *label = new QLabel(text);
    QFont f = label->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.25);
    label->setFont(f);
    return label;
}

} // namespace

QString WelcomePage::oneLine(const QString &description)
{
    QString text = description.trimmed();
    text.remove(QRegularExpression(QStringLiteral("^Seed \\d+\\.\\s*")));
    const int end = text.indexOf(QRegularExpression(QStringLiteral("\\.(\\s|$)")));
    return end < 0 ? text : text.left(end + 1);
}

WelcomePage::WelcomePage(const QString &examplesDir, const Catalogue *catalogue,
                         RecentFiles *recent, QWidget *parent)
    : QWidget(parent), m_examplesDir(examplesDir), m_catalogue(catalogue), m_recentFiles(recent)
{
    setObjectName(QStringLiteral("WelcomePage"));
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(12);

    auto *title = new QLabel(tr("Welcome to Stackplan"));
    QFont big = title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.8);
    title->setFont(big);
    layout->addWidget(title);
    auto *intro = new QLabel(tr("Draw a system's boxes, bind each to a platform, and see at once "
                                "what breaks its limits and what it costs. Start from an example, "
                                "a blank project or a file."));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *buttons = new QHBoxLayout;
    m_new = new QPushButton(QIcon(QStringLiteral(":/icons/actions/new.svg")),
                            tr("New blank project"));
    m_open = new QPushButton(QIcon(QStringLiteral(":/icons/actions/open.svg")), tr("Open…"));
    for (QPushButton *b : {m_new, m_open}) {
        b->setMinimumHeight(34);
        buttons->addWidget(b);
    }
    buttons->addStretch(1);
    layout->addLayout(buttons);
    connect(m_new, &QPushButton::clicked, this, &WelcomePage::newRequested);
    connect(m_open, &QPushButton::clicked, this, &WelcomePage::openRequested);

    layout->addSpacing(8);
    layout->addWidget(heading(tr("Examples")));
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(16);
    const Theme theme = darkPalette(this) ? Theme::Dark : Theme::Light;
    m_theme = theme;
    const QStringList files = QDir(examplesDir).entryList({QStringLiteral("*.stackplan.json")},
                                                          QDir::Files, QDir::Name);
    for (const QString &file : files) {
        ProjectLoad load = loadProjectFile(QDir(examplesDir).filePath(file));
        if (!load.ok())
            continue; // a broken bundled file is reported when opened from File → Open Example
        const Project &project = *load.project;
        auto *card = new QPushButton;
        card->setObjectName(QStringLiteral("example:") + file);
        card->setFlat(true);
        card->setCursor(Qt::PointingHandCursor);
        card->setToolTip(project.description);
        card->setAccessibleName(project.name);
        auto *cardLayout = new QVBoxLayout(card);
        cardLayout->setContentsMargins(8, 8, 8, 8);
        auto *image = new QLabel;
        image->setObjectName(QStringLiteral("thumbnail"));
        image->setPixmap(thumbnail(project, catalogue, theme, devicePixelRatioF()));
        m_thumbnails.push_back({image, project});
        image->setFixedSize(kThumbnailSize);
        image->setStyleSheet(QStringLiteral("border: 1px solid palette(mid);"));
        auto *name = new QLabel(project.name);
        QFont bold = name->font();
        bold.setBold(true);
        name->setFont(bold);
        name->setWordWrap(true);
        auto *line = new QLabel(oneLine(project.description));
        line->setObjectName(QStringLiteral("description"));
        line->setWordWrap(true);
        line->setFixedWidth(kThumbnailSize.width());
        name->setFixedWidth(kThumbnailSize.width());
        for (QLabel *l : {image, name, line}) {
            l->setAttribute(Qt::WA_TransparentForMouseEvents);
            cardLayout->addWidget(l);
        }
        cardLayout->addStretch(1);
        card->setMinimumSize(cardLayout->sizeHint());
        connect(card, &QPushButton::clicked, this,
                [this, file] { emit exampleRequested(file); });
        grid->addWidget(card, int(m_cards.size()) / 3, int(m_cards.size()) % 3,
                        Qt::AlignLeft | Qt::AlignTop);
        m_cards << card;
    }
    grid->setColumnStretch(3, 1);
    layout->addLayout(grid);

    layout->addSpacing(8);
    layout->addWidget(heading(tr("Recent files")));
    m_recentBox = new QWidget;
    m_recentLayout = new QVBoxLayout(m_recentBox);
    m_recentLayout->setContentsMargins(0, 0, 0, 0);
    m_recentLayout->setSpacing(0);
    m_noRecent = new QLabel(tr("No recent files yet: projects you open or save appear here."));
    layout->addWidget(m_recentBox);
    layout->addWidget(m_noRecent);
    layout->addStretch(1);

    auto *scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    refresh();
}

void WelcomePage::refresh()
{
    qDeleteAll(m_recentButtons);
    m_recentButtons.clear();
    const QStringList files = m_recentFiles ? m_recentFiles->files() : QStringList();
    for (const QString &path : files) {
        const QFileInfo info(path);
        auto *b = new QPushButton(QStringLiteral("%1   —   %2").arg(
            info.fileName(), QDir::toNativeSeparators(info.absolutePath())));
        b->setObjectName(QStringLiteral("recent:") + path);
        b->setFlat(true);
        b->setCursor(Qt::PointingHandCursor);
        b->setStyleSheet(QStringLiteral("text-align: left; padding: 4px 8px;"));
        b->setToolTip(path);
        connect(b, &QPushButton::clicked, this, [this, path] { emit recentRequested(path); });
        m_recentLayout->addWidget(b);
        m_recentButtons << b;
    }
    m_recentBox->setVisible(!files.isEmpty());
    m_noRecent->setVisible(files.isEmpty());
}

void WelcomePage::changeEvent(QEvent *event)
{
    // A light or dark palette: the thumbnails follow it.
    if (event->type() == QEvent::PaletteChange) {
        const Theme theme = darkPalette(this) ? Theme::Dark : Theme::Light;
        if (theme != m_theme) {
            m_theme = theme;
            for (const auto &[label, project] : m_thumbnails)
                label->setPixmap(thumbnail(project, m_catalogue, theme, devicePixelRatioF()));
        }
    }
    QWidget::changeEvent(event);
}

void WelcomePage::showEvent(QShowEvent *event)
{
    refresh();
    QWidget::showEvent(event);
}

} // namespace stackplan
