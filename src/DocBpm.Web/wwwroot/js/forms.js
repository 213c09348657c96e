// Progressive enhancement of the server-rendered forms: each works without this script, which only saves typing.

// Dates typed dd/mm/yyyy (hh:mm): the separator is added once a part is complete, and a date the calendar lacks
// (31/02/2026) is flagged before the form is sent; the server still reads and checks every value.
const partsComplete = [[/^\d{2}$/, '/'], [/^\d{2}\/\d{2}$/, '/'], [/^\d{2}\/\d{2}\/\d{4}$/, ' ', 'datetime'], [/^\d{2}\/\d{2}\/\d{4} \d{2}$/, ':', 'datetime']];

function realDate(text) {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(text);
  if (!m) return true;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function maskDate(input) {
  input.addEventListener('input', event => {
    input.setCustomValidity('');
    if (event.inputType?.startsWith('delete')) return;
    for (const [complete, separator, only] of partsComplete) {
      if ((!only || input.dataset.mask === only) && complete.test(input.value)) input.value += separator;
    }
  });
  input.addEventListener('change', () => input.setCustomValidity(realDate(input.value) ? '' : input.dataset.error));
  input.addEventListener('invalid', () => { if (input.validity.patternMismatch) input.setCustomValidity(input.dataset.error); });
}

// A person chosen "of the unit" (data-people-of names the unit select): only that unit's people stay offered.
function followUnit(select) {
  const unit = document.getElementById(select.dataset.peopleOf);
  if (!unit) return;
  const narrow = () => {
    for (const group of select.querySelectorAll('optgroup')) {
      const shown = !unit.value || group.dataset.unit === unit.value;
      group.hidden = !shown;
      for (const option of group.querySelectorAll('option')) option.disabled = !shown;
    }
    if (select.selectedOptions[0]?.disabled) select.value = '';
  };
  unit.addEventListener('change', narrow);
  narrow();
}

// A long checkbox list gets a box that narrows it as one types (accents ignored: "phong" finds "Phòng").
const fold = text => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

function filterable(list) {
  const box = document.createElement('input');
  box.type = 'search';
  box.className = 'pick-filter';
  box.placeholder = 'Lọc theo tên…';
  box.setAttribute('aria-label', `Lọc danh sách ${list.querySelector('legend')?.textContent ?? ''}`.trim());
  list.querySelector('legend')?.after(box);
  box.addEventListener('input', () => {
    const words = fold(box.value.trim());
    for (const label of list.querySelectorAll('label')) {
      label.hidden = words !== '' && !fold(label.textContent).includes(words) && !label.querySelector('input:checked');
    }
    for (const group of list.querySelectorAll('fieldset')) {
      group.hidden = !group.querySelector('label:not([hidden])');
    }
  });
}

document.querySelectorAll('input[data-mask]').forEach(maskDate);
document.querySelectorAll('select[data-people-of]').forEach(followUnit);
document.querySelectorAll('fieldset.pick-list').forEach(filterable);
