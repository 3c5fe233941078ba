//! Keyboard input for the end-to-end tests, as WebDriver key actions (no pointer anywhere), and
//! a description of the focused element. Included by path from the tests that need it.

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::Client;

/// Presses and releases `key`, with Shift held when `shift`.
pub async fn press(client: &Client, key: Key, shift: bool) {
    let mut keys = KeyActions::new("keyboard".to_owned());
    if shift {
        keys = keys.then(KeyAction::Down { value: Key::Shift.into() });
    }
    keys = keys.then(KeyAction::Down { value: key.into() }).then(KeyAction::Up { value: key.into() });
    if shift {
        keys = keys.then(KeyAction::Up { value: Key::Shift.into() });
    }
    client.perform_actions(keys).await.unwrap_or_else(|e| panic!("pressing {key:?}: {e}"));
}

/// Types `text` character by character.
pub async fn type_text(client: &Client, text: &str) {
    let mut keys = KeyActions::new("keyboard".to_owned());
    for c in text.chars() {
        keys = keys.then(KeyAction::Down { value: c }).then(KeyAction::Up { value: c });
    }
    client.perform_actions(keys).await.unwrap_or_else(|e| panic!("typing {text:?}: {e}"));
}

/// JS returning a description of the focused element: {tag, type, text, name, id, slide, inToolbar, key}.
pub const DESCRIBE_FOCUS: &str = r#"
const e = document.activeElement;
if (!e || e === document.body || e === document.documentElement) return { tag: 'body', key: 'body' };
if (!e.dataset.kbKey) e.dataset.kbKey = 'k' + (window.__kbCount = (window.__kbCount || 0) + 1);
const slide = e.closest('section.slide');
return {
  tag: e.tagName.toLowerCase(),
  type: (e.getAttribute('type') || '').toLowerCase(),
  text: (e.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 80),
  name: e.getAttribute('aria-label') || '',
  id: e.id || '',
  slide: slide ? slide.id : '',
  inToolbar: !!e.closest('.deck-toolbar'),
  key: e.dataset.kbKey,
};
"#;
