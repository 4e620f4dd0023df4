import { Button, Header, Menu, MenuItem, MenuSection, MenuTrigger, Popover } from 'react-aria-components';

export type MenuLink = { id: string; label: string; href: string; isCurrent?: boolean };
export type MenuLinkSection = { id: string; title: string; items: MenuLink[] };

export type MenuButtonProps = {
  /** Visible text of the button. */
  label: string;
  sections: MenuLinkSection[];
  /** Read after the current item, for example « (territoire affiché) ». */
  currentMarker: string;
  className?: string;
};

/** A button opening a menu of links, grouped in titled sections (React Aria Menu). */
export function MenuButton({ label, sections, currentMarker, className }: MenuButtonProps) {
  const visible = sections.filter((s) => s.items.length > 0);
  return (
    <MenuTrigger>
      <Button className={['menu-button', className].filter(Boolean).join(' ')}>
        <span className="menu-button-label">{label}</span>
        <span className="menu-button-chevron" aria-hidden="true">
          ▾
        </span>
      </Button>
      <Popover className="popover" placement="bottom start">
        <Menu className="menu" items={visible}>
          {(section) => (
            <MenuSection id={section.id} className="menu-section">
              <Header className="menu-section-title">{section.title}</Header>
              {section.items.map((item) => (
                <MenuItem key={item.id} id={`${section.id}:${item.id}`} href={item.href} textValue={item.label} className="menu-item">
                  <span>{item.label}</span>
                  {item.isCurrent && (
                    <>
                      <span className="menu-item-check" aria-hidden="true">
                        ✓
                      </span>
                      <span className="sr-only">{currentMarker}</span>
                    </>
                  )}
                </MenuItem>
              ))}
            </MenuSection>
          )}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
