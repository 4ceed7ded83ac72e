// Progressive enhancement only: every page works without this. Marks the page as one the NHS.UK frontend's scripts
// enhance, then starts them (error summary focus, header menu, skip link).
import { initAll } from '/nhsuk-frontend/nhsuk-frontend.min.mjs';

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
initAll();
