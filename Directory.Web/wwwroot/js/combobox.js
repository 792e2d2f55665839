import { getJson } from './api.js';

// The place field as an ARIA 1.2 combobox: suggestions from /api/places as one types, arrow keys move through
// them, Enter takes one, Escape closes. Options are built from text, never HTML.
export function createCombobox(input, listbox, onChoose) {
  let options = [];
  let active = -1;
  let timer = null;
  let request = 0;

  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const render = () => {
    listbox.replaceChildren(...options.map((place, index) => {
      const li = document.createElement('li');
      li.id = `place-option-${index}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', index === active ? 'true' : 'false');
      li.textContent = place.label;
      li.addEventListener('mousedown', (event) => { event.preventDefault(); choose(index); });
      return li;
    }));
    listbox.hidden = options.length === 0;
    input.setAttribute('aria-expanded', options.length ? 'true' : 'false');
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', `place-option-${active}`);
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };

  const choose = (index) => {
    input.value = options[index].label;
    close();
    onChoose(options[index]);
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2) {
      options = [];
      close();
      return;
    }
    timer = setTimeout(async () => {
      const mine = ++request;
      try {
        const found = await getJson(`/api/places?q=${encodeURIComponent(text)}&limit=8`);
        if (mine === request) {
          options = found;
          active = -1;
          render();
        }
      } catch {
        close();
      }
    }, 150);
  });

  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && options.length) {
      active = (active + 1) % options.length;
      render();
      event.preventDefault();
    } else if (event.key === 'ArrowUp' && options.length) {
      active = active <= 0 ? options.length - 1 : active - 1;
      render();
      event.preventDefault();
    } else if (event.key === 'Enter' && !listbox.hidden && active >= 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === 'Escape') {
      close();
    }
  });

  input.addEventListener('blur', () => setTimeout(close, 100));
  return { close };
}
