// Loaded in the head of every page (the content security policy allows no inline script). Marks that script runs, so
// that the phone layout folds the menu, and opens or folds the menu from its button, by mouse or keyboard alike.
document.documentElement.classList.add("js");
document.addEventListener("click", event => {
    const button = event.target.closest?.(".menu-button");
    if (button)
        button.setAttribute("aria-expanded", button.getAttribute("aria-expanded") === "true" ? "false" : "true");
});
